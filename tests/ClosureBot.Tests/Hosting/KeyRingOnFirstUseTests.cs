using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// Data Protection's key ring is read (and its first key made) when a cookie first needs it, not at start-up: a bot
/// that only answers Bot Framework turns never reads it.
/// </summary>
public sealed class KeyRingOnFirstUseTests
{
    [Fact]
    public async Task BotFrameworkTurns_Only_NoKeyIsReadOrMade_UntilACookieNeedsOne()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient(); // starts the app and its hosted services
        var customer = app.WebChat();
        Assert.NotEmpty((await customer.Send("hi")).Activities);

        Assert.Equal(0, await KeysAsync(app.DatabasePath));

        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("cookie", protector.Unprotect(protector.Protect("cookie")));
        Assert.Equal(1, await KeysAsync(app.DatabasePath));
    }

    private static async Task<long> KeysAsync(string databasePath)
    {
        await using var db = new SqliteConnection($"Data Source={databasePath}");
        await db.OpenAsync();
        await using var exists = db.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'dataprotection_keys'";
        if ((long)(await exists.ExecuteScalarAsync())! == 0) return 0;
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM dataprotection_keys";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
