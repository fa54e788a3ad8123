using ClosureBot.Channels;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Tests.Channels;

/// <summary>
/// What the Teams middleware reads to retire a card's buttons: a turn the flow did not route says nothing, and a routed
/// one says where it left the conversation, idle included (a card of an ended flow is done with).
/// </summary>
public sealed class TurnScreenTests
{
    [Fact]
    public void TryGet_ATurnNotRouted_SaysNothing()
    {
        Assert.False(TurnScreen.TryGet(Turn(), out var screen));
        Assert.Null(screen);
    }

    [Theory]
    [InlineData("servers")]
    [InlineData(null)]
    public void TryGet_ARoutedTurn_GivesTheScreenItLeft_IdleIncluded(string? left)
    {
        var turn = Turn();
        TurnScreen.Set(turn, "welcome");
        TurnScreen.Set(turn, left);

        Assert.True(TurnScreen.TryGet(turn, out var screen));
        Assert.Equal(left, screen);
    }

    private static TurnContext Turn() => new(new Activity { Type = ActivityTypes.Message, Text = "done", ChannelId = "msteams" });
}
