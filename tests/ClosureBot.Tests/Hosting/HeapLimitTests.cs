using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// The built bot runs with hard limits on the GC's heaps (<c>ClosureBot.csproj</c>: 128 MiB of small objects), which keep
/// generation 0 small whatever the host's cache. These tests drive the child process, which runs with those limits, with
/// the largest requests the edge admits, many at once, and check that the limits leave room for them: every request gets
/// its answer, nothing runs out of memory, and a customer is served afterwards.
/// </summary>
public class HeapLimitTests : IDisposable
{
    private const int AtOnce = 64;
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-heap-").FullName;

    [Fact]
    public async Task LargestAdmittedActivities_ManyAtOnce_AreAllAnswered()
    {
        await using var bot = await BotChildProcess.StartAsync(_folder);

        var answered = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            var customer = bot.WebChat();
            var activity = customer.Message(new string('w', 4_990), Filler(15 * 1024));
            activity["channelData"] = Filler(31 * 1024);
            activity["entities"] = new JsonArray(Enumerable.Range(0, 32)
                .Select(i => (JsonNode)new JsonObject { ["type"] = $"note{i}", ["text"] = new string('e', 100) }).ToArray());
            return await customer.Deliver(activity);
        }));

        Assert.All(answered, replies => Assert.NotEmpty(replies.Activities));
        await ServesACustomerAsync(bot);
    }

    [Fact]
    public async Task BodiesAtTheSizeLimit_ManyAtOnce_AreRefusedAndChangeNothing()
    {
        await using var bot = await BotChildProcess.StartAsync(_folder);

        var statuses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            var customer = bot.WebChat();
            var activity = customer.Message(null, null);
            // Just under the 1 MiB body limit: many small objects (the small-object heap's worst case), refused as too long.
            activity["text"] = new string('x', 6_000);
            activity["channelData"] = Filler(1_000_000);
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await bot.Http.PostAsync("/api/messages", content);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        await ServesACustomerAsync(bot);
        Assert.Empty(await bot.ClosureRequestsAsync());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static async Task ServesACustomerAsync(BotChildProcess bot)
    {
        var ann = bot.WebChat();
        (await ann.Send("close my account")).Asks("Shall we start?");
        Assert.False(bot.HasExited);
        Assert.DoesNotContain("OutOfMemory", bot.Output);
    }

    /// <summary>A JSON object of about <paramref name="bytes"/> bytes made of many short properties.</summary>
    private static JsonObject Filler(int bytes)
    {
        var filler = new JsonObject();
        for (var i = 0; filler.Count * 20 < bytes; i++) filler[$"k{i:000000}"] = "vvvvvvv";
        return filler;
    }
}
