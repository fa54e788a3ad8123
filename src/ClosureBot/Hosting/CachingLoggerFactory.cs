using System.Collections.Concurrent;

namespace ClosureBot.Hosting;

/// <summary>
/// Hands out one logger per category. ASP.NET Core creates a logger for every request's authentication handler, and
/// Serilog's factory builds a new logger (with its own caches) on every call: a tenth of a turn's allocations went there.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        _loggers.Clear();
        inner.AddProvider(provider);
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the logger factory registered last in <paramref name="services"/>.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory is registered.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => new CachingLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(sp),
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        }));
    }
}
