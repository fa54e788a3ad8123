using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Identity;

/// <summary>
/// A real OpenID Connect provider (npm <c>oidc-provider</c>, oidc-provider.mjs) on a 127.0.0.1 port it chose and holds
/// from its start, with two people: <see cref="Admin"/> administers ACME, <see cref="Other"/> administers EMPTY and INIT
/// only. It starts before the app (the app needs the authority) and learns the app's redirect URI in
/// <see cref="ServeAsync"/>. The process stops when disposed, and on its own after five minutes.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "closurebot-webchat";
    public const string ClientSecret = "closurebot-webchat-test-secret";
    public const string Admin = "alice";
    public const string AdminName = "Alice Admin";
    public const string Other = "bob";
    private readonly Process _process;
    private readonly Task<string> _errors;

    private OidcTestProvider(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; private set; }

    public string Authority => $"http://127.0.0.1:{Port}";

    /// <summary>Starts the provider and waits until it listens on its port.</summary>
    public static async Task<OidcTestProvider> StartAsync()
    {
        var options = new JsonObject
        {
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
        var process = NodeScript.Start("Identity/oidc-provider.mjs", [options.ToJsonString()], redirectInput: true);
        var provider = new OidcTestProvider(process);
        provider.Port = int.Parse(await ReadLineAsync(process, "LISTENING ") ?? throw await provider.EndedAsync(), CultureInfo.InvariantCulture);
        return provider;
    }

    /// <summary>What the app needs to use this provider, with verification required.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Identity:Authority"] = Authority,
        ["Identity:ClientId"] = ClientId,
        ["Identity:ClientSecret"] = ClientSecret,
        ["Identity:Scopes"] = "openid profile accounts",
        ["Identity:RequireVerified"] = "true",
    };

    /// <summary>Registers the app's redirect URI and waits until the provider serves.</summary>
    public async Task ServeAsync(Uri app)
    {
        await _process.StandardInput.WriteLineAsync(new Uri(app, "/signin-oidc").ToString());
        await _process.StandardInput.FlushAsync();
        if (await ReadLineAsync(_process, "READY ") is null) throw await EndedAsync();
    }

    private static async Task<string?> ReadLineAsync(Process process, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..];
        return null;
    }

    private async Task<Exception> EndedAsync()
    {
        await _process.WaitForExitAsync();
        var errors = (await _errors).Trim();
        return new InvalidOperationException(
            $"oidc-provider.mjs ended before it was ready (exit {_process.ExitCode}): {errors[Math.Max(0, errors.Length - 2000)..]} " +
            NodeScript.InstallHint);
    }

    public async ValueTask DisposeAsync()
    {
        using (_process)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
    }
}
