using ClosureBot.Protocol.Tests.Support;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>One test CA and OpenID provider stand-in shared by a test class; each test starts its own bot.</summary>
public sealed class ChannelAuthenticationFixture : IAsyncLifetime
{
    public TestCertificateAuthority Ca { get; } = new();

    public FakeOpenIdProvider Provider { get; private set; } = null!;

    /// <summary>The channel's key, endorsing msteams and emulator (as the real keys endorse their channels).</summary>
    public FakeOpenIdProvider.SigningKey TeamsKey { get; private set; } = null!;

    public FakeOpenIdProvider.SigningKey EmulatorKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await FakeOpenIdProvider.StartAsync(Ca);
        TeamsKey = Provider.AddChannelKey("msteams", "emulator");
        EmulatorKey = Provider.AddEmulatorKey();
    }

    public async Task DisposeAsync()
    {
        await Provider.DisposeAsync();
        Ca.Dispose();
    }
}
