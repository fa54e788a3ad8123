using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Identity;

/// <summary>
/// A real OpenID Connect provider (npm <c>oidc-provider</c>, oidc-provider.mjs) on a free 127.0.0.1 port, with two
/// people: <see cref="Admin"/> administers ACME, <see cref="Other"/> administers EMPTY and INIT only. Its port is
/// chosen before the app starts (the app needs the authority), and it learns the app's redirect URI in <see cref="StartAsync"/>.
/// The process stops when disposed, and on its own after five minutes.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "closurebot-webchat";
    public const string ClientSecret = "closurebot-webchat-test-secret";
    public const string Admin = "alice";
    public const string AdminName = "Alice Admin";
    public const string Other = "bob";
    private Process? _process;

    public OidcTestProvider()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string Authority => $"http://127.0.0.1:{Port}";

    /// <summary>What the app needs to use this provider, with verification required.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Identity:Authority"] = Authority,
        ["Identity:ClientId"] = ClientId,
        ["Identity:ClientSecret"] = ClientSecret,
        ["Identity:Scopes"] = "openid profile accounts",
        ["Identity:RequireVerified"] = "true",
    };

    public async Task StartAsync(Uri app)
    {
        var options = new JsonObject
        {
            ["port"] = Port,
            ["redirectUri"] = new Uri(app, "/signin-oidc").ToString(),
            ["clientId"] = ClientId,
            ["clientSecret"] = ClientSecret,
            ["maxSeconds"] = 300,
            ["stopWhenInputCloses"] = true,
            ["users"] = new JsonObject
            {
                [Admin] = new JsonObject { ["name"] = AdminName, ["accounts"] = new JsonArray("ACME") },
                [Other] = new JsonObject { ["name"] = "Bob Other", ["accounts"] = new JsonArray("EMPTY", "INIT") },
            },
        };
        _process = NodeScript.Start("Identity/oidc-provider.mjs", [options.ToJsonString()], redirectInput: true);
        _ = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("READY ", StringComparison.Ordinal)) return;
        throw new InvalidOperationException($"oidc-provider.mjs ended before it was ready (exit {_process.ExitCode}). {NodeScript.InstallHint}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        using (_process)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
    }
}
