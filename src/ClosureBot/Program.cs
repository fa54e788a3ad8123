using ClosureBot.Handoff.AgentConsole;
using ClosureBot.Hosting;
using Serilog;

if (HashPasswordCommand.IsInvoked(args))
{
    Environment.ExitCode = HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
    return;
}
if (ClosureBot.Storage.Seeding.SeedCommand.IsInvoked(args))
{
    Environment.ExitCode = await ClosureBot.Storage.Seeding.SeedCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    // Configuration is read once at start-up (restart to apply a change): watching appsettings*.json for changes puts a
    // watch on every folder under the content root (bin/ and obj/ in a checkout), which was a fifth of start-up. An
    // argument --hostBuilder:reloadConfigOnChange=true after these turns the watching back on.
    // The slim builder leaves out what the app does not use: IIS, HTTP/3's QUIC and the default log providers (Serilog
    // replaces them); about 2 MiB less resident memory. What the full builder adds and the app keeps is added back:
    // HTTPS endpoints from Kestrel's configuration, all route constraints, and host filtering by AllowedHosts (used by
    // UseEdge).
    var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
    builder.WebHost.UseKestrelHttpsConfiguration();
    builder.Services.AddRouting();
    builder.Services.AddHostFiltering(options =>
    {
        var hosts = builder.Configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        options.AllowedHosts = hosts is { Length: > 0 } ? hosts : ["*"];
    });
    // Each host gets its own logger and leaves the static one (the bootstrap logger) alone: freezing a shared
    // bootstrap logger fails when a process starts more than one host, as the integration tests do.
    builder.Services.AddSerilog((services, logger) => logger
        // The sinks configuration may name, listed: finding them by scanning every assembly cost a tenth of start-up.
        .ReadFrom.Configuration(builder.Configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly,
            typeof(LoggerConfigurationAsyncExtensions).Assembly))
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With<ClosureBot.Hosting.ControlCharacterEscaper>(), preserveStaticLogger: true);
    CachingLoggerFactory.Decorate(builder.Services);
    builder.AddClosureBot();

    var app = builder.Build();
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    app.MapClosureBot();
    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "ClosureBot failed to start");
    throw;
}
finally
{
    Log.CloseAndFlush();
}

public partial class Program;
