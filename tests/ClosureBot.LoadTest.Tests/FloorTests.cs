using System.Net;
using System.Text;
using System.Text.Json;
using ClosureBot.LoadTest;
using Microsoft.Data.Sqlite;

namespace ClosureBot.LoadTest.Tests;

/// <summary>
/// The bare floor as the load command runs it (<c>--floor</c>): its own process on a loopback port, walked by the load
/// command's customer. It must do a turn's I/O in full, or the comparison with ClosureBot would flatter the floor.
/// </summary>
public sealed class FloorTests
{
    /// <summary>
    /// ClosureBot's reply bodies to the walk's ten turns, in bytes, which the floor's replies copy in size
    /// (<c>reply-sizes.json</c>; ClosureBot.Tests' <c>FloorReplySizesTests</c> checks them against the bot).
    /// </summary>
    private static readonly int[] ClosureBotReplyBytes = ReplySizes();

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Walk_TheCanonicalTenTurns_EndsWithAReferenceAndRepliesOfClosureBotsSizes()
    {
        using var http = new HttpClient();
        await using var floor = await FloorProcess.StartAsync(FloorDll(), http);
        var connections = TurnConnection.To([Messages(floor)]);
        var customer = new Customer(connections, 0, "floor-test-user", "ACME",
            new LoadClock(TimeSpan.Zero, TimeSpan.FromMinutes(1)), Limit);

        // The customer checks each reply holds an activity and the tenth a CLS- reference.
        Assert.Null(await customer.WalkAsync("floor-test-walk", Customer.CanonicalSequence.Length));
        TurnConnection.DisposeAll(connections);

        using var connection = new TurnConnection(Messages(floor));
        using var timeout = new CancellationTokenSource(Limit);
        for (var turn = 0; turn < ClosureBotReplyBytes.Length; turn++)
        {
            Assert.Equal(200, await connection.PostAsync(Activity("floor-test-size-walk-0001", turn), timeout.Token));
            // An id as long as the load command's: the sizes differ only by the reference's digits.
            Assert.InRange(connection.Body.Length, ClosureBotReplyBytes[turn] - 64, ClosureBotReplyBytes[turn] + 64);
        }
    }

    [Fact]
    public async Task Turn_IsAnsweredOnlyOnceItsConversationAndRepliesAreInTheDatabase()
    {
        using var http = new HttpClient();
        await using var floor = await FloorProcess.StartAsync(FloorDll(), http);
        using var connection = new TurnConnection(Messages(floor));
        using var timeout = new CancellationTokenSource(Limit);
        var bodies = new List<byte[]>();

        for (var turn = 0; turn < 3; turn++)
        {
            Assert.Equal(200, await connection.PostAsync(Activity("floor-test-durable", turn), timeout.Token));
            bodies.Add(connection.Body.ToArray());
            // Read by another connection as soon as the reply is in: the commit came first.
            await using var database = new SqliteConnection($"Data Source={floor.Database};Mode=ReadOnly;Pooling=False");
            await database.OpenAsync();
            await using var query = database.CreateCommand();
            query.CommandText = "SELECT replies FROM outbox WHERE conversation_key = 'floor-test-durable' ORDER BY rowid";
            var stored = new List<byte[]>();
            await using (var reader = await query.ExecuteReaderAsync())
                while (await reader.ReadAsync()) stored.Add((byte[])reader[0]);
            Assert.Equal(bodies, stored);
            query.CommandText = "SELECT length(state) FROM conversations WHERE key = 'floor-test-durable'";
            // ClosureBot's mean state in a load run's database is 1,896 bytes (the floor's StateBytes).
            Assert.InRange(Convert.ToInt64(await query.ExecuteScalarAsync()), 1_850, 1_950);
        }
        using var reply = JsonDocument.Parse(bodies[0]);
        Assert.Equal("floor-test-durable", reply.RootElement.GetProperty("activities")[0].GetProperty("conversation").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"type":"message","id":"x-1","text":"yes"}""")]
    [InlineData("""{"type":"message","id":"x-1","conversation":{""")]
    public async Task Post_WithoutAConversationOrNotJson_IsRefusedAndWritesNothing(string body)
    {
        using var http = new HttpClient();
        await using var floor = await FloorProcess.StartAsync(FloorDll(), http);

        using var response = await http.PostAsync(Messages(floor), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var database = new SqliteConnection($"Data Source={floor.Database};Mode=ReadOnly;Pooling=False");
        await database.OpenAsync();
        await using var query = database.CreateCommand();
        query.CommandText = "SELECT (SELECT count(*) FROM conversations) + (SELECT count(*) FROM outbox)";
        Assert.Equal(0L, await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Dispose_StopsTheFloorAndRemovesItsDatabase()
    {
        using var http = new HttpClient();
        var floor = await FloorProcess.StartAsync(FloorDll(), http);
        var pid = floor.Pid;
        Assert.True(File.Exists(floor.Database));

        await floor.DisposeAsync();

        Assert.False(File.Exists(floor.Database));
        Assert.False(File.Exists(floor.Database + "-wal"));
        // By its command line, not its PID alone: the PID may already belong to another process.
        Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("ClosureBot.LoadTest.Floor.dll"));
    }

    private static Uri Messages(FloorProcess floor) => new(floor.Url, "/api/messages");

    private static byte[] Activity(string conversationId, int turn) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        type = "message",
        id = $"{conversationId}-{turn + 1}",
        channelId = "webchat",
        from = new { id = "floor-test-user", role = "user" },
        conversation = new { id = conversationId },
        text = Customer.CanonicalSequence[turn],
        deliveryMode = "expectReplies",
    });

    private static int[] ReplySizes()
    {
        using var sizes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Root(), "tests", "ClosureBot.LoadTest.Floor", "reply-sizes.json")));
        return sizes.RootElement.GetProperty("replyBytes").EnumerateArray().Select(size => size.GetInt32()).ToArray();
    }

    /// <summary>The floor as built with these tests (the load command's project reference builds it in the same configuration).</summary>
    private static string FloorDll() =>
        FloorProcess.DllIn(Repository.Root(), Builds.Configuration);
}
