using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// Saved places are sacred: the resume offer handles interruptions like any prompt, unclear answers never replace the
/// saved place, and a save or a conversation from another version of the dialog restarts politely, never with a 500.
/// </summary>
public class SavedPlaceTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task ResumeOffer_ThreeUnclearAnswers_OffersSupportAndKeepsThePlace()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        await later.SendAll("banana", "purple");
        var third = await later.Send("wibble");
        third.Says("I'm having trouble understanding").Offers("Talk to support").Says("Your place is saved")
            .DoesNotSay("let's start from the beginning").DoesNotSay("We're sorry to see you go");
        // On the offer asked again (the last message), where the customer can see it.
        Assert.Equal("Talk to support", third.LastButtons.FirstOrDefault());

        (await later.NewConversation().Join()).Says("Welcome back").Says("had reached Step 2 of 5");
    }

    [Fact]
    public async Task ResumeOffer_Help_ExplainsTheOfferWithoutCountingAMiss()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        for (var i = 0; i < 3; i++)
            (await later.Send("help")).Says("I saved your place when you left").Asks("Shall we pick up where you left off?")
                .DoesNotSay("I'm having trouble understanding");
        (await later.Send("yes")).Says("Here we are again, at Step 2 of 5");
    }

    [Fact]
    public async Task ResumeOffer_SupportAndStatus_KeepTheOfferStanding()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("talk to support")).Says("You're number 1 in the queue").DoesNotSay("Welcome back");
        (await later.Send("cancel")).Says("You've left the queue").Asks("Shall we pick up where you left off?");
        (await later.Send("where was I")).Says("Step 2 of 5").Asks("Shall we pick up where you left off?");
        (await later.Send("yes")).Says("Here we are again, at Step 2 of 5");
    }

    [Fact]
    public async Task ResumeOffer_StartOver_ReplacesTheSavedPlace()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("no")).Says("let's start from the beginning").Says("We're sorry to see you go");
        (await later.NewConversation().Join()).Says("Welcome back").Says("had reached the overview");
    }

    [Fact]
    public async Task SavedPlace_AtAStepThatNoLongerExists_IsExplainedAndRestartedNot500()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        Execute(app, "UPDATE user_progress SET state = replace(state, '\"delete-servers\"', '\"delete-the-servers\"')", null);

        var later = ann.NewConversation();
        (await later.Send("hi")).Says("I've been updated since you saved your place").Says("We're sorry to see you go");
        (await later.Send("yes")).Asks("Which account do you want to close? Type its account alias.");
    }

    [Fact]
    public async Task SavedPlace_FromAnotherVersion_IsExplainedAndRestarted()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        Execute(app, "UPDATE user_progress SET state = json_set(state, '$.version', '1')",
            "UPDATE user_progress SET state = jsonb_set(state::jsonb, '{version}', to_jsonb('1'::text))::text");

        (await ann.NewConversation().Send("hi")).Says("I've been updated since you saved your place").Says("We're sorry to see you go")
            .DoesNotSay("Welcome back");
    }

    [Fact]
    public async Task Interruption_OnAConversationFromAnotherVersion_RestartsPolitely()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        Execute(app, "UPDATE conversations SET state = json_set(state, '$.dialog.stack[0].version', '0')",
            "UPDATE conversations SET state = jsonb_set(state::jsonb, '{dialog,stack,0,version}', to_jsonb('0'::text))::text");
        await using var restarted = app.SharingStorageWith();

        var help = await ann.Via(restarted.CreateClient()).Send("help");

        help.Says("I've been updated since we last spoke").DoesNotSay("Delete your running, stopped, paused and archived servers");
    }

    private static async Task<ConversationClient> ReturningCustomerAsync(BotApplicationFactory app)
    {
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        var later = ann.NewConversation();
        (await later.Join()).Says("Welcome back");
        return later;
    }

    // The same change in each provider's SQL dialect (null: the SQLite statement works on PostgreSQL as written).
    private static void Execute(BotApplicationFactory app, string sql, string? postgresSql)
    {
        if (app.PostgresConnectionString is { } postgres)
        {
            using var connection = new NpgsqlConnection(postgres);
            connection.Open();
            using var update = new NpgsqlCommand(postgresSql ?? sql, connection);
            Assert.True(update.ExecuteNonQuery() > 0, $"nothing changed by: {postgresSql ?? sql}");
            return;
        }
        using var db = new SqliteConnection($"Data Source={app.DatabasePath}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        Assert.True(command.ExecuteNonQuery() > 0, $"nothing changed by: {sql}");
    }
}
