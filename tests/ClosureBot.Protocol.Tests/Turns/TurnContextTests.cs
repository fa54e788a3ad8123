using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Protocol.Tests.Turns;

public class TurnContextTests
{
    private static Activity Incoming(string type = ActivityTypes.Message, string channelId = Channels.WebChat) => new()
    {
        Type = type,
        Id = "in-1",
        ChannelId = channelId,
        ServiceUrl = "https://directline.botframework.com/",
        From = new ChannelAccount { Id = "dl_user", Name = "Ada" },
        Recipient = new ChannelAccount { Id = "bot", Name = "ClosureBot" },
        Conversation = new ConversationAccount { Id = "conv" },
        Locale = "es-ES",
    };

    [Fact]
    public void SendActivity_BareReply_AddressingFilledFromIncoming()
    {
        var turn = new TurnContext(Incoming());

        turn.SendActivity(new Activity { Text = "hola" });

        var reply = Assert.Single(turn.BufferedReplies);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("dl_user", reply.Recipient!.Id);
        Assert.Equal("conv", reply.Conversation!.Id);
        Assert.Equal(Channels.WebChat, reply.ChannelId);
        Assert.Equal("https://directline.botframework.com/", reply.ServiceUrl);
        Assert.Equal("es-ES", reply.Locale);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.True(turn.Responded);
    }

    [Fact]
    public void SendActivity_FieldsAlreadySet_KeptAsGiven()
    {
        var turn = new TurnContext(Incoming());

        turn.SendActivity(new Activity { Type = ActivityTypes.Typing, Locale = "en-US", ReplyToId = "other", Conversation = new() { Id = "c2" } });

        var reply = turn.BufferedReplies[0];
        Assert.Equal(ActivityTypes.Typing, reply.Type);
        Assert.Equal("en-US", reply.Locale);
        Assert.Equal("other", reply.ReplyToId);
        Assert.Equal("c2", reply.Conversation!.Id);
    }

    [Theory]
    [InlineData(Channels.WebChat, null)]
    [InlineData(Channels.DirectLine, null)]
    [InlineData(Channels.MsTeams, "in-1")]
    public void SendActivity_DuringConversationUpdate_ReplyToIdOnlyOutsideDirectLine(string channelId, string? expected)
    {
        var turn = new TurnContext(Incoming(ActivityTypes.ConversationUpdate, channelId));

        turn.SendActivity(new Activity { Text = "Welcome" });

        Assert.Equal(expected, turn.BufferedReplies[0].ReplyToId);
    }

    [Fact]
    public void ClearReplies_AfterSends_NothingBufferedAndNotResponded()
    {
        var turn = new TurnContext(Incoming());
        turn.SendActivity(new Activity { Text = "a" });

        turn.ClearReplies();

        Assert.Empty(turn.BufferedReplies);
        Assert.False(turn.Responded);
    }

    [Fact]
    public void SerializedReplies_AnyChangeToTheReplies_ClearsThem()
    {
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, Id = "a1", ChannelId = "test" });
        turn.SendActivity(new Activity { Text = "one" });
        turn.SerializedReplies = [1, 2, 3];

        turn.SendActivity(new Activity { Text = "two" });
        Assert.Null(turn.SerializedReplies);

        turn.SerializedReplies = [1, 2, 3];
        turn.ClearReplies();
        Assert.Null(turn.SerializedReplies);
    }
}
