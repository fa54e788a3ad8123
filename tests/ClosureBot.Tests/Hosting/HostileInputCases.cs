using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

// The fuzz-style corpus of issue 7: malformed, oversized, odd-typed and hostile inputs over /api/messages, Direct Line
// and the two token endpoints. Each must be answered 4xx (or, where marked, a polite turn) quickly, changing nothing.
public static class HostileInputCases
{
    public const string Issuer = "https://portal.example.test";
    public const string IssuerKey = "portal-shared-key-0123456789abcdef0123";

    private static readonly string Mega = new('x', 1000 * 1000);
    private static readonly string Forged = "1\n[09:30:00 INF] Closure request CLS-20261112-FORGED logged for account \"INIT\"";
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF];

    public static IEnumerable<HostileInputCase> All() => Messages().Concat(DirectLine()).Concat(WebChatToken());

    private static IEnumerable<HostileInputCase> Messages()
    {
        HostileInputCase Edit(string name, Action<JsonObject> edit, bool mayAnswer = false) =>
            new("api/messages", name, _ => { var a = Message(); edit(a); return Post("/api/messages", a.ToJsonString()); }, mayAnswer);
        HostileInputCase Raw(string name, string json) => new("api/messages", name, _ => Post("/api/messages", json));

        yield return Edit("id with a newline and a forged log line", a => a["id"] = Forged + new string('y', 600));
        yield return Edit("1 MB activity id", a => a["id"] = Mega);
        yield return Edit("1 MB conversation id", a => a["conversation"]!["id"] = Mega);
        yield return Edit("1 MB from.id", a => a["from"]!["id"] = Mega);
        yield return Edit("1 MB recipient.id", a => a["recipient"]!["id"] = Mega);
        yield return Edit("1 MB replyToId", a => a["replyToId"] = Mega);
        yield return Edit("1 KB channelId", a => a["channelId"] = new string('c', 1024));
        yield return Edit("100 KB from.name", a => a["from"]!["name"] = new string('n', 100_000));
        yield return Edit("100 KB conversation.tenantId", a => a["conversation"]!["tenantId"] = new string('t', 100_000));
        yield return Edit("text one past the maximum", a => a["text"] = new string('a', ActivityLimits.MaxTextLength + 1));
        yield return Edit("128 KB of digits", a => a["text"] = string.Concat(Enumerable.Repeat("1 2 ", 32 * 1024)));
        yield return Edit("1 MB of digits (over the body limit)", a => a["text"] = string.Concat(Enumerable.Repeat("7 ", 512 * 1024)));
        yield return Edit("10 KB speak", a => a["speak"] = new string('s', 10_000));
        yield return Edit("10 KB locale", a => a["locale"] = new string('l', 10_000));
        yield return Edit("1 KB type", a => a["type"] = new string('m', 1024));
        yield return Edit("3 KB serviceUrl", a => a["serviceUrl"] = "https://smba.trafficmanager.net/" + new string('p', 3000));
        yield return Edit("membersAdded [null]", a => Update(a, new JsonArray((JsonNode?)null)));
        yield return Edit("membersRemoved [null]", a => { Update(a, new JsonArray(new JsonObject { ["id"] = "u" })); a["membersRemoved"] = new JsonArray((JsonNode?)null); });
        yield return Edit("65 members added", a => Update(a, new JsonArray(Enumerable.Range(0, 65).Select(i => (JsonNode?)new JsonObject { ["id"] = $"m{i}" }).ToArray())));
        yield return Edit("member with a 1 MB id", a => Update(a, new JsonArray(new JsonObject { ["id"] = Mega })));
        yield return Edit("entities [null]", a => a["entities"] = new JsonArray((JsonNode?)null));
        yield return Edit("33 entities", a => a["entities"] = Array(33, i => new JsonObject { ["type"] = "mention" }));
        yield return Edit("attachments [null]", a => a["attachments"] = new JsonArray((JsonNode?)null));
        yield return Edit("17 attachments", a => a["attachments"] = Array(17, i => new JsonObject { ["contentType"] = "text/plain" }));
        yield return Edit("listenFor [null]", a => a["listenFor"] = new JsonArray((JsonNode?)null));
        yield return Edit("reactionsAdded [null]", a => a["reactionsAdded"] = new JsonArray((JsonNode?)null));
        yield return Edit("20 KB value", a => a["value"] = new JsonObject { ["action"] = "done", ["pad"] = new string('v', 20_000) });
        yield return Edit("value nested 40 deep", a => a["value"] = JsonNode.Parse(new string('[', 40) + new string(']', 40)));
        yield return Edit("40 KB channelData", a => a["channelData"] = new JsonObject { ["pad"] = new string('d', 40_000) });
        yield return Edit("type is a number", a => a["type"] = 42);
        yield return Edit("type is null", a => a["type"] = null);
        yield return Edit("type is an array", a => a["type"] = new JsonArray());
        yield return Edit("text is a number", a => a["text"] = 123);
        yield return Edit("text is an object", a => a["text"] = new JsonObject());
        yield return Edit("from is a string", a => a["from"] = "mallory");
        yield return Edit("conversation is an array", a => a["conversation"] = new JsonArray());
        yield return Edit("membersAdded is an object", a => a["membersAdded"] = new JsonObject());
        yield return Edit("timestamp is not a time", a => a["timestamp"] = "yesterday");
        yield return Edit("timestamp is a number", a => a["timestamp"] = 1e300);
        yield return Edit("expiration out of range", a => a["expiration"] = "0001-01-01T00:00:00+14:00");
        yield return Edit("localTimestamp month 99", a => a["localTimestamp"] = "2026-99-99T00:00:00Z");
        yield return Edit("historyDisclosed is a string", a => a["historyDisclosed"] = "yes");
        yield return Edit("text highlight occurrence 1e20", a => a["textHighlights"] = new JsonArray(new JsonObject { ["text"] = "x", ["occurrence"] = 1e20 }));
        yield return Raw("id is 1e400", Message().ToJsonString().Replace("\"id\":\"", "\"id\":1e400,\"x\":\""));
        yield return new("api/messages", "invalid UTF-8 in text", _ => PostBytes("/api/messages", Splice(Message().ToJsonString(), "I want to close my account", InvalidUtf8)));
        yield return new("api/messages", "invalid UTF-8 in a property name", _ => PostBytes("/api/messages", Splice("{\"type\":\"message\",\"XX\":1}", "XX", InvalidUtf8)));
        yield return Raw("truncated JSON", Message().ToJsonString()[..^12]);
        yield return Raw("trailing garbage", Message().ToJsonString() + "}}garbage");
        yield return Raw("empty body", "");
        yield return Raw("JSON null", "null");
        yield return Raw("JSON array", "[{\"type\":\"message\"}]");
        yield return Raw("JSON string", "\"message\"");
        yield return Raw("10,000 nested arrays", "{\"type\":\"message\",\"value\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        yield return Raw("lone surrogate escape in text", Message().ToJsonString().Replace("I want to close my account", "\\ud800"));
        yield return new("api/messages", "text/plain content type", _ => Post("/api/messages", Message().ToJsonString(), "text/plain"));
        yield return new("api/messages", "no content type", _ => new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Message().ToJsonString())) });
        // The server refuses a body over its limit from the Content-Length alone. Asking for 100-continue lets it answer
        // before the body is sent; otherwise it may close the connection while the client is still sending, and the
        // client sees a broken pipe instead of the 413.
        yield return new("api/messages", "2 MiB body", _ =>
        {
            var request = Post("/api/messages", Message().ToJsonString().Replace("I want to close my account", new string('z', 2 * 1024 * 1024)));
            request.Headers.ConnectionClose = true;
            request.Headers.ExpectContinue = true;
            return request;
        });
        yield return Edit("serviceUrl with a query (reply path becomes a query)", a => Connector(a, "http://127.0.0.1:6379/admin?"));
        yield return Edit("serviceUrl with a fragment", a => Connector(a, "http://127.0.0.1:6379/admin#"));
        yield return Edit("serviceUrl with user info", a => Connector(a, "https://user:pass@smba.trafficmanager.net/emea/"));
        yield return Edit("serviceUrl is cloud metadata", a => Connector(a, "http://169.254.169.254/latest/meta-data/"));
        yield return Edit("serviceUrl is a file", a => Connector(a, "file:///etc/passwd"));
        yield return Edit("serviceUrl is javascript", a => Connector(a, "javascript:alert(1)"));
        yield return Edit("serviceUrl is relative", a => Connector(a, "/v3/conversations"));
        yield return Edit("serviceUrl lookalike host", a => Connector(a, "https://smba.trafficmanager.net.evil.test/"));
        yield return new("api/messages", "serviceUrl is the bot itself", c => { var a = Message(); Connector(a, c.BaseAddress.ToString()); return Post("/api/messages", a.ToJsonString()); });
        yield return new("api/messages", "serviceUrl is the bot via localhost", c => { var a = Message(); Connector(a, $"http://localhost:{c.BaseAddress.Port}/"); return Post("/api/messages", a.ToJsonString()); });
        yield return Edit("unknown activity type", a => a["type"] = "evil", mayAnswer: true);
        yield return Edit("control characters in text", a => a["text"] = "\u0000\u0007\u001b[2Kclose\r\nmy account", mayAnswer: true);
        yield return Edit("text exactly at the maximum, all digits", a => a["text"] = string.Concat(Enumerable.Repeat("1 ", ActivityLimits.MaxTextLength / 2)), mayAnswer: true);
    }

    private static IEnumerable<HostileInputCase> DirectLine()
    {
        HostileInputCase Activity(string name, Func<HostileInputContext, string> json) =>
            new("directline", name, c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", json(c)), c.Token));
        HostileInputCase Edit(string name, Action<JsonObject> edit) =>
            Activity(name, _ => { var a = new JsonObject { ["type"] = "message", ["text"] = "hello" }; edit(a); return a.ToJsonString(); });
        HostileInputCase Generate(string name, string json, string contentType = "application/json") =>
            new("directline", name, _ => Bearer(Post("/v3/directline/tokens/generate", json, contentType), DirectLineTestHost.Secret));

        yield return new("directline", "activity without Authorization", c => Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\",\"text\":\"hi\"}"));
        yield return new("directline", "activity with a garbage bearer", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\"}"), "garbage"));
        yield return new("directline", "activity with a 100 KB bearer", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\"}"), new string('b', 100_000)));
        yield return new("directline", "activity with another conversation's token", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\",\"text\":\"hi\"}"), c.OtherToken));
        yield return new("directline", "activity to an unknown conversation", c => Bearer(Post("/v3/directline/conversations/nope/activities", "{\"type\":\"message\",\"text\":\"hi\"}"), c.Token));
        yield return new("directline", "activity to a 1 KB conversation id", c => Bearer(Post($"/v3/directline/conversations/{new string('q', 1024)}/activities", "{\"type\":\"message\"}"), c.Token));
        yield return new("directline", "token with alg none", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\"}"), AlgNone(c.ConversationId)));
        yield return new("directline", "token signed with another key, exp 1e15", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\"}"),
            HmacJwt.Sign(new JsonObject { ["conv"] = c.ConversationId, ["user"] = "dl_x", ["exp"] = 1_000_000_000_000_000L }, new byte[32])));
        yield return Edit("text one past the maximum", a => a["text"] = new string('a', ActivityLimits.MaxTextLength + 1));
        yield return Edit("256 KB of digits", a => a["text"] = string.Concat(Enumerable.Repeat("1 2 ", 64 * 1024)));
        yield return Edit("membersAdded [null]", a => { a["type"] = "conversationUpdate"; a["membersAdded"] = new JsonArray((JsonNode?)null); });
        yield return Edit("entities [null]", a => a["entities"] = new JsonArray((JsonNode?)null));
        yield return Edit("attachments [null]", a => a["attachments"] = new JsonArray((JsonNode?)null));
        yield return Edit("65 members removed", a => { a["type"] = "conversationUpdate"; a["membersRemoved"] = Array(65, i => new JsonObject { ["id"] = $"m{i}" }); });
        yield return Edit("1 MB client id", a => a["id"] = Mega);
        yield return Edit("1 MB from.id with a newline", a => a["from"] = new JsonObject { ["id"] = "\n" + Mega });
        yield return Edit("20 KB value", a => a["value"] = new JsonObject { ["pad"] = new string('v', 20_000) });
        yield return Edit("text is a number", a => a["text"] = 5);
        yield return Activity("JSON array", _ => "[]");
        yield return Activity("truncated JSON", _ => "{\"type\":\"message\",\"text\":\"hi");
        yield return new("directline", "invalid UTF-8", c => Bearer(PostBytes($"/v3/directline/conversations/{c.ConversationId}/activities", Splice("{\"type\":\"message\",\"text\":\"XX\"}", "XX", InvalidUtf8)), c.Token));
        yield return new("directline", "activity as text/plain", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/activities", "{\"type\":\"message\"}", "text/plain"), c.Token));
        yield return new("directline", "upload", c => Bearer(Post($"/v3/directline/conversations/{c.ConversationId}/upload", "{}"), c.Token));
        yield return new("directline", "activities with watermark -1", c => Bearer(Get($"/v3/directline/conversations/{c.ConversationId}/activities?watermark=-1"), c.Token));
        yield return new("directline", "activities with watermark abc", c => Bearer(Get($"/v3/directline/conversations/{c.ConversationId}/activities?watermark=abc"), c.Token));
        yield return new("directline", "activities with a 30-digit watermark", c => Bearer(Get($"/v3/directline/conversations/{c.ConversationId}/activities?watermark={new string('9', 30)}"), c.Token));
        yield return new("directline", "stream without a WebSocket", c => Get($"/v3/directline/conversations/{c.ConversationId}/stream?t=garbage"));
        yield return new("directline", "refresh with the secret", _ => Bearer(Post("/v3/directline/tokens/refresh", ""), DirectLineTestHost.Secret));
        yield return new("directline", "refresh with garbage", _ => Bearer(Post("/v3/directline/tokens/refresh", ""), "garbage"));
        yield return new("directline", "generate with a token instead of the secret", c => Bearer(Post("/v3/directline/tokens/generate", "{}"), c.Token));
        yield return new("directline", "start a conversation with a garbage bearer", _ => Bearer(Post("/v3/directline/conversations", "{}"), "garbage"));
        yield return new("directline", "start a conversation with a 100 KB user name", _ => Bearer(Post("/v3/directline/conversations",
            new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_x", ["name"] = new string('n', 100_000) } }.ToJsonString()), DirectLineTestHost.Secret));
        yield return Generate("generate with a 1 MB user id", new JsonObject { ["user"] = new JsonObject { ["id"] = Mega } }.ToJsonString());
        yield return Generate("generate with a newline user id of 600 chars", new JsonObject { ["user"] = new JsonObject { ["id"] = Forged + new string('y', 600) } }.ToJsonString());
        yield return Generate("generate with a 1 KB locale", new JsonObject { ["locale"] = new string('l', 1024) }.ToJsonString());
        yield return Generate("generate with a numeric user id", "{\"user\":{\"id\":1e400}}");
        yield return Generate("generate with user as a string", "{\"user\":\"dl_x\"}");
        yield return Generate("generate with a JSON array", "[]");
        yield return Generate("generate with a 20 KB body", "{\"pad\":\"" + new string('p', 20_000) + "\"}");
        yield return Generate("generate nested 100 deep", "{\"user\":" + new string('[', 100) + new string(']', 100) + "}");
        yield return new("directline", "generate with invalid UTF-8", _ => Bearer(PostBytes("/v3/directline/tokens/generate", Splice("{\"user\":{\"id\":\"XX\"}}", "XX", InvalidUtf8)), DirectLineTestHost.Secret));
    }

    private static IEnumerable<HostileInputCase> WebChatToken()
    {
        HostileInputCase Token(string name, string json, string contentType = "application/json") => new("webchat/token", name, _ => Post("/api/webchat/token", json, contentType));
        HostileInputCase Claims(string name, JsonObject claims) => Token(name, new JsonObject { ["assertion"] = Sign(claims) }.ToJsonString());

        yield return Token("no assertion", "{}");
        yield return Token("empty body", "");
        yield return Claims("exp 1e15 (seconds)", Jane(1_000_000_000_000_000L));
        yield return Claims("exp long.MaxValue", Jane(long.MaxValue));
        yield return Claims("exp far in the past", Jane(-1_000_000_000_000_000L));
        yield return Claims("exp as a string", Jane("9999999999"));
        yield return Claims("exp 1e15 as a float", Jane(1e15));
        yield return Claims("sub is an object", new JsonObject { ["iss"] = Issuer, ["sub"] = new JsonObject(), ["exp"] = Soon() });
        yield return Claims("iss of another issuer", new JsonObject { ["iss"] = "https://evil.test", ["sub"] = "jane", ["exp"] = Soon() });
        yield return Token("exp 1e400 in the signed claims", new JsonObject { ["assertion"] = SignRaw("{\"iss\":\"" + Issuer + "\",\"sub\":\"jane\",\"exp\":1e400}") }.ToJsonString());
        yield return Token("claims are an array", new JsonObject { ["assertion"] = SignRaw("[1,2,3]") }.ToJsonString());
        yield return Token("claims are not JSON", new JsonObject { ["assertion"] = SignRaw("not json") }.ToJsonString());
        yield return Token("alg none", new JsonObject { ["assertion"] = AlgNone("c") }.ToJsonString());
        yield return Token("signed with another key", new JsonObject { ["assertion"] = HmacJwt.Sign(Jane(Soon()), new byte[32]) }.ToJsonString());
        yield return Token("three parts of garbage", "{\"assertion\":\"a.b.c\"}");
        yield return Token("a 100 KB assertion", "{\"assertion\":\"" + new string('a', 100_000) + "\"}");
        yield return Token("assertion is a number", "{\"assertion\":12345}");
        yield return Token("locale is an object", "{\"locale\":{}}");
        yield return Token("a 1 MB conversation id", new JsonObject { ["conversationId"] = Mega }.ToJsonString());
        yield return Token("a 1 KB locale", new JsonObject { ["locale"] = new string('l', 1024) }.ToJsonString());
        yield return Token("a JSON array", "[]");
        yield return Token("text/plain content type", "{}", "text/plain");
        yield return new("webchat/token", "invalid UTF-8", _ => PostBytes("/api/webchat/token", Splice("{\"locale\":\"XX\"}", "XX", InvalidUtf8)));
    }

    private static JsonObject Message()
    {
        var a = ConversationClient.Payload("webchat-message.json");
        a["id"] = "hostile-" + Guid.NewGuid().ToString("N")[..8];
        a["conversation"]!["id"] = "hostile-conv-" + Guid.NewGuid().ToString("N")[..8];
        a["deliveryMode"] = "expectReplies";
        return a;
    }

    private static void Update(JsonObject a, JsonArray members)
    {
        a["type"] = "conversationUpdate";
        a.Remove("text");
        a["membersAdded"] = members;
    }

    private static void Connector(JsonObject a, string serviceUrl)
    {
        a.Remove("deliveryMode");
        a["serviceUrl"] = serviceUrl;
    }

    private static JsonArray Array(int count, Func<int, JsonObject> item) => new(Enumerable.Range(0, count).Select(i => (JsonNode?)item(i)).ToArray());

    private static JsonObject Jane(JsonNode? exp) => new() { ["iss"] = Issuer, ["sub"] = "jane@example.test", ["name"] = "Jane", ["account"] = "ACME", ["exp"] = exp };

    private static long Soon() => DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();

    private static string Sign(JsonObject claims) => HmacJwt.Sign(claims, Encoding.UTF8.GetBytes(IssuerKey));

    private static string SignRaw(string claimsJson)
    {
        var input = HmacJwt.Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8) + "." + HmacJwt.Base64Url(Encoding.UTF8.GetBytes(claimsJson));
        return input + "." + HmacJwt.Base64Url(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(IssuerKey), Encoding.ASCII.GetBytes(input)));
    }

    private static string AlgNone(string conversationId) =>
        HmacJwt.Base64Url("""{"alg":"none"}"""u8) + "." + HmacJwt.Base64Url(Encoding.UTF8.GetBytes($$"""{"conv":"{{conversationId}}","user":"dl_x","exp":9999999999}""")) + ".";

    private static byte[] Splice(string json, string marker, byte[] bytes)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. bytes, .. Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
    }

    private static HttpRequestMessage Post(string path, string body, string contentType = "application/json") =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    private static HttpRequestMessage PostBytes(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Bearer(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return request;
    }
}
