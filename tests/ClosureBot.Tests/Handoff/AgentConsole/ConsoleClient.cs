using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClosureBot.Tests.Handoff.AgentConsole;

/// <summary>One agent's browser as far as HTTP goes: the sign-in form with its anti-forgery token, the API with the page's token.</summary>
public sealed partial class ConsoleClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>The anti-forgery token the console page got from <c>/agent/api/session</c>.</summary>
    public string? ApiToken { get; private set; }

    public string CookieHeader => cookies.GetCookieHeader(new Uri("http://localhost/agent/hub"));

    public bool HasAgentCookie => cookies.GetCookies(new Uri("http://localhost/agent")).Any(c => c.Name == "closurebot_agent");

    /// <summary>The hidden token of the sign-in form (and the anti-forgery cookie that goes with it).</summary>
    public async Task<string> SignInFormTokenAsync()
    {
        var page = await http.GetStringAsync("/agent/signin");
        return TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No token in the sign-in form: " + page);
    }

    public async Task<HttpResponseMessage> PostSignInAsync(string userName, string password, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password };
        if (withToken) fields["__RequestVerificationToken"] = await SignInFormTokenAsync();
        return await http.PostAsync("/agent/signin", new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in (must succeed) and loads the page's session, as the console page does.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        using var response = await PostSignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        ApiToken = (string?)(await SessionAsync())["antiforgeryToken"];
    }

    public async Task<JsonObject> SessionAsync() => (await http.GetFromJsonAsync<JsonObject>("/agent/api/session"))!;

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object? body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (withToken && ApiToken is not null) request.Headers.Add("RequestVerificationToken", ApiToken);
        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
