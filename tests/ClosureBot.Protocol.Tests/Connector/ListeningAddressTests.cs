using ClosureBot.Protocol.Connector;

namespace ClosureBot.Protocol.Tests.Connector;

public class ListeningAddressTests
{
    [Theory]
    [InlineData("http://+:3978", "http://0.0.0.0:3978/")]
    [InlineData("http://*:3978", "http://0.0.0.0:3978/")]
    [InlineData("https://+:443", "https://0.0.0.0:443/")]
    [InlineData("http://[::]:3978", "http://[::]:3978/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:3978", "http://localhost:3978/")]
    public void Parse_ReadsWhatKestrelReports_WildcardHostsAsZeros(string address, string expected) =>
        Assert.Equal(new Uri(expected), ListeningAddress.Parse(address));

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("/tmp/closurebot.sock")]
    [InlineData("http://unix:/tmp/closurebot.sock")]
    [InlineData("ftp://127.0.0.1:21")]
    public void Parse_OfAUnixSocketOrWhatIsNoHttpUri_IsNull(string address) => Assert.Null(ListeningAddress.Parse(address));
}
