using ClosureBot.Hosting;
using ClosureBot.Protocol.Hosting;

namespace ClosureBot.Tests.Hosting;

public class SelfRequestWarmerTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://+:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://*:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://localhost:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://[::]:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://[::1]:3978", "http://[::1]:3978/")]
    [InlineData("http://bot.internal:8080", "http://bot.internal:8080/")]
    public void OwnAddress_OfAPlainHttpBinding_IsOneThisProcessReaches(string binding, string expected) =>
        Assert.Equal(new Uri(expected), SelfRequestWarmer.OwnAddress([binding]));

    [Fact]
    public void OwnAddress_SkipsHttpsAndWhatIsNotAnAddress_AndTakesTheFirstPlainOne()
    {
        Assert.Null(SelfRequestWarmer.OwnAddress([]));
        Assert.Null(SelfRequestWarmer.OwnAddress(["https://0.0.0.0:443"]));
        Assert.Null(SelfRequestWarmer.OwnAddress(["not an address", "http://unix:/tmp/closurebot.sock"]));
        Assert.Equal(new Uri("http://127.0.0.1:80/"), SelfRequestWarmer.OwnAddress(["https://[::]:443", "http://0.0.0.0:80", "http://10.0.0.5:81"]));
    }

    [Fact]
    public void Body_IsAWholeActivityThatTheReaderRefuses_BeforeAnythingElseRuns()
    {
        var read = ActivityReader.Parse(SelfRequestWarmer.Body);

        Assert.Null(read.Activity);
        Assert.Equal(400, read.StatusCode);
        Assert.Equal("MissingType", read.Error!.Error.Code);
        // Everything else a channel sends is there and readable: only the type is missing.
        var typed = System.Text.Encoding.UTF8.GetString(SelfRequestWarmer.Body).Replace("\"type\":\" \"", "\"type\":\"message\"");
        var whole = ActivityReader.Parse(System.Text.Encoding.UTF8.GetBytes(typed));
        Assert.NotNull(whole.Activity);
        Assert.Equal("closurebot-warm-up", whole.Activity!.Conversation!.Id);
        Assert.Equal("warm-up", whole.Activity.Text);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{}", 400)]
    [InlineData("HTTP/1.1 401 Unauthorized\r\n\r\n", 401)]
    [InlineData("HTTP/1.1 400 Bad Request", 0)]
    [InlineData("", 0)]
    [InlineData("HTTP/1.1 4000 Huge\r\n", 0)]
    [InlineData("SSH-2.0-OpenSSH\r\n", 0)]
    public void StatusOf_ReadsTheFirstLineOfAnAnswer_OrGivesZero(string answer, int expected) =>
        Assert.Equal(expected, SelfRequestWarmer.StatusOf(System.Text.Encoding.ASCII.GetBytes(answer)));
}
