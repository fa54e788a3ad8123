using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Tests.Activities;

public class ActivityExtensionsTests
{
    private static Activity Incoming(string type = ActivityTypes.Message, string channelId = Channels.MsTeams) => new()
    {
        Type = type,
        Id = "in-1",
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:user", Name = "Ada", AadObjectId = "aad", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ClosureBot" },
        Conversation = new ConversationAccount { Id = "a:conv", TenantId = "t1" },
        Locale = "en-GB",
    };

    [Fact]
    public void CreateReply_Message_SwapsFromAndRecipientAndKeepsConversation()
    {
        var incoming = Incoming();

        var reply = incoming.CreateReply("Done");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Done", reply.Text);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("ClosureBot", reply.From.Name);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("Ada", reply.Recipient.Name);
        Assert.Equal("a:conv", reply.Conversation!.Id);
        Assert.Equal(Channels.MsTeams, reply.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reply.ServiceUrl);
        Assert.Equal("en-GB", reply.Locale);
        Assert.Null(reply.Id);
    }

    [Fact]
    public void CreateReply_Message_SetsReplyToId()
    {
        Assert.Equal("in-1", Incoming().CreateReply().ReplyToId);
    }

    [Theory]
    [InlineData(Channels.DirectLine)]
    [InlineData(Channels.WebChat)]
    public void CreateReply_ConversationUpdateOnDirectLine_OmitsReplyToId(string channelId)
    {
        Assert.Null(Incoming(ActivityTypes.ConversationUpdate, channelId).CreateReply("Welcome").ReplyToId);
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate, Channels.MsTeams)]
    [InlineData(ActivityTypes.Message, Channels.DirectLine)]
    [InlineData(ActivityTypes.Event, Channels.WebChat)]
    public void CreateReply_OtherTypeOrChannel_SetsReplyToId(string type, string channelId)
    {
        Assert.Equal("in-1", Incoming(type, channelId).CreateReply().ReplyToId);
    }

    [Fact]
    public void CreateReply_NoFromOrRecipient_LeavesThemNull()
    {
        var reply = new Activity { Type = ActivityTypes.Message, Id = "x" }.CreateReply();

        Assert.Null(reply.From);
        Assert.Null(reply.Recipient);
    }

    [Fact]
    public void GetConversationReference_Activity_CarriesAddressing()
    {
        var reference = Incoming().GetConversationReference();

        Assert.Equal("in-1", reference.ActivityId);
        Assert.Equal("29:user", reference.User!.Id);
        Assert.Equal("28:bot", reference.Bot!.Id);
        Assert.Equal("a:conv", reference.Conversation!.Id);
        Assert.Equal(Channels.MsTeams, reference.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
    }

    [Theory]
    [InlineData("expectReplies", true)]
    [InlineData("ExpectReplies", false)]
    [InlineData("normal", false)]
    [InlineData(null, false)]
    public void ExpectsReplies_DeliveryMode_ComparedOrdinally(string? mode, bool expected)
    {
        Assert.Equal(expected, new Activity { DeliveryMode = mode }.ExpectsReplies());
    }

    [Fact]
    public void GetValueString_ValueNotAnObject_ReturnsNull()
    {
        Assert.Null(new Activity { Value = JsonValue.Create("yes") }.GetValueString("action"));
        Assert.Null(new Activity { Value = new JsonObject { ["action"] = 1 } }.GetValueString("action"));
        Assert.Equal("yes", new Activity { Value = new JsonObject { ["action"] = "yes" } }.GetValueString("action"));
    }
}
