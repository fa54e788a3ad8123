using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// Issue 7's fuzz-style suite: every case of <see cref="HostileInputCases"/> against one running bot. Each is answered
/// 4xx (or, where marked, a polite 2xx turn) within a time bound, a 4xx changes no table, no case ever creates a
/// closure request, and the database never holds a large value. Writes tests/artifacts/hostile-input-report.json.
/// </summary>
public sealed class HostileInputSuiteTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task HostileInputs_AllAnswered4xxOrPolitely_QuicklyAndChangingNothing()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["WebChat:TrustedIssuer"] = HostileInputCases.Issuer,
            ["WebChat:TrustedIssuerKey"] = HostileInputCases.IssuerKey,
        });
        var database = Path.Combine(host.Folder, "closurebot.db");
        var client = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await client.StartAsync();
        var (_, otherToken) = await client.StartAsync();
        var context = new HostileInputContext(host.BaseAddress, conversationId, token, otherToken);
        var cases = HostileInputCases.All().ToList();
        var results = new List<(HostileInputCase Case, int Status, double Ms, string? Problem)>();

        foreach (var hostile in cases)
        {
            var before = DatabaseProbe.RowCounts(database);
            using var request = hostile.Build(context);
            var started = Stopwatch.StartNew();
            var (status, body) = await SendAsync(host.Client, request);
            var elapsed = started.Elapsed;
            var after = DatabaseProbe.RowCounts(database);
            results.Add((hostile, status, elapsed.TotalMilliseconds, Problem(hostile, status, body, elapsed, before, after)));
        }

        WriteReport(results);
        var problems = results.Where(r => r.Problem is not null).Select(r => $"{r.Case} → {r.Status}: {r.Problem}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(cases.Count >= 80, $"only {cases.Count} cases");
        Assert.True(DatabaseProbe.LongestValue(database) < 64 * 1024, "the database holds a value over 64 KB");
        Assert.Equal(0, DatabaseProbe.RowCounts(database)["closure_requests"]);
    }

    // A server that refuses a body over its limit may close the connection while the client still sends it.
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.Message);
        }
    }

    private static string? Problem(HostileInputCase hostile, int status, string body, TimeSpan elapsed,
        Dictionary<string, long> before, Dictionary<string, long> after)
    {
        if (elapsed > Bound) return $"took {elapsed.TotalSeconds:0.0} s";
        if (status == 0) return "connection failed: " + body;
        if (status >= 500) return "server error: " + body[..Math.Min(body.Length, 300)];
        if (status < 400 && !hostile.MayAnswer) return "accepted";
        if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal)) return "exception text in the body";
        if (status >= 400 && body.Length > 0 && !IsErrorBody(body)) return "no {\"error\":{code,message}} body: " + body[..Math.Min(body.Length, 200)];
        if (status >= 400 && !before.SequenceEqual(after)) return "a refused request changed the database";
        if (after["closure_requests"] != before["closure_requests"]) return "a closure request was created";
        return null;
    }

    private static bool IsErrorBody(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"] is JsonObject { } error && error["code"] is JsonValue && error["message"] is JsonValue;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteReport(List<(HostileInputCase Case, int Status, double Ms, string? Problem)> results)
    {
        var folder = Path.Combine(RepoPaths.TestsFolder, "artifacts");
        Directory.CreateDirectory(folder);
        var report = new JsonObject
        {
            ["cases"] = results.Count,
            ["failed"] = results.Count(r => r.Problem is not null),
            ["byStatus"] = new JsonObject(results.GroupBy(r => r.Status).OrderBy(g => g.Key)
                .Select(g => KeyValuePair.Create(g.Key.ToString(), (JsonNode?)g.Count()))),
            ["bySurface"] = new JsonObject(results.GroupBy(r => r.Case.Surface)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
            ["slowestMs"] = Math.Round(results.Max(r => r.Ms), 1),
            ["results"] = new JsonArray(results.Select(r => (JsonNode?)new JsonObject
            {
                ["surface"] = r.Case.Surface, ["case"] = r.Case.Name, ["status"] = r.Status, ["ms"] = Math.Round(r.Ms, 1), ["problem"] = r.Problem,
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(folder, "hostile-input-report.json"), report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
