using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosureBot.Tests.Hosting;

public sealed class CachingLoggerFactoryTests
{
    [Fact]
    public async Task CreateLogger_SameCategoryTwice_ReturnsTheSameSerilogLogger()
    {
        await using var app = new BotApplicationFactory();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.Authentication.Handler");
        Assert.Same(first, factory.CreateLogger("Microsoft.AspNetCore.Authentication.Handler"));
        Assert.NotSame(first, factory.CreateLogger("Another.Category"));
        Assert.StartsWith("Serilog", first.GetType().FullName);
    }
}
