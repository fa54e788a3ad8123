using ClosureBot.Storage;
using Microsoft.Extensions.Options;

namespace ClosureBot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: the instance and its database (200, or 503 when the database cannot be reached, is not at this
/// build's schema, or the instance's writer stopped). <c>GET /readyz</c>: whether a load balancer should send this
/// instance traffic — healthy, started, and not shutting down (503 from the moment a stop begins, so a proxy drains it).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IBotStore store, IOptions<StorageOptions> storage, CancellationToken ct) =>
        {
            var database = await store.IsHealthyAsync(ct);
            return Answer(database, new { status = Word(database), database = Database(storage.Value.Provider, database) });
        });
        app.MapGet("/readyz", async (IBotStore store, IOptions<StorageOptions> storage, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        {
            var database = await store.IsHealthyAsync(ct);
            var serving = lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested;
            var ready = serving && database;
            return Answer(ready, new { status = ready ? "ready" : "unavailable", serving, database = Database(storage.Value.Provider, database) });
        });
        return app;
    }

    private static string Word(bool healthy) => healthy ? "healthy" : "unhealthy";

    private static object Database(string provider, bool healthy) => new { provider, status = Word(healthy) };

    private static IResult Answer(bool ok, object body) =>
        ok ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
}
