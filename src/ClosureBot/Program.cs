using ClosureBot.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext());
    builder.AddClosureBot();

    var app = builder.Build();
    app.UseSerilogRequestLogging();
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
