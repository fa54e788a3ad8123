using System.Text;
using ClosureBot.Outbox;

namespace ClosureBot.Tests.Outbox;

public sealed class ReplyPackingTests
{
    private static readonly byte[] Card = Encoding.UTF8.GetBytes(
        "[" + string.Join(",", Enumerable.Range(0, 8).Select(i => $$$"""{"type":"message","text":"Step {{{i}}} of 5","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}""")) + "]");

    [Fact]
    public void Pack_ACardReply_ShrinksAndUnpacksToTheSameBytes()
    {
        var packed = ReplyPacking.Pack(Card);

        Assert.True(packed.Length * 3 < Card.Length, $"{packed.Length} of {Card.Length} bytes");
        Assert.Equal(Card, ReplyPacking.Unpack(packed));
    }

    [Fact]
    public void Unpack_ARowStoredBeforePacking_ReadsAsItIs() => Assert.Same(Card, ReplyPacking.Unpack(Card));

    [Fact]
    public void Pack_NoReplies_RoundTrips() => Assert.Equal("[]"u8.ToArray(), ReplyPacking.Unpack(ReplyPacking.Pack("[]"u8.ToArray())));
}
