using System.Text.Json;
using ClosureBot.Accounts;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Offboarding;

/// <summary>
/// Builds every screen's card in every language once, and writes and reads the state and reply shapes a turn stores, for
/// an account that exists nowhere. The first use of each card's data shape and of each stored type builds its JSON
/// metadata and compiles the code that walks it; doing that here, in the background while the app starts, keeps it off
/// the first customer's turn. Nothing is stored and nothing is sent.
/// </summary>
internal sealed class TurnPathWarmer(OffboardingCards cards, CustomerLocales locales)
{
    private static readonly AccountSnapshot Sample = new("WARMUP", "Warm-up Ltd", new TermCommitment(TermCommitmentStatus.OnRecord, new DateOnly(2027, 1, 31)),
        [new Server("warmup-01", ServerKind.Virtual, ServerState.Running, "Warm-up DC"), new Server("warmup-02", ServerKind.BareMetal, ServerState.Archived, "Warm-up DC")],
        [new BilledService(ServiceKinds.All[0], "warmup-net", "Warm-up DC")]);

    /// <summary>Returns how many replies it built.</summary>
    public int Warm()
    {
        var replies = new List<Activity>();
        foreach (var (language, _) in Locales.Supported)
        {
            var locale = locales.Resolve(language, null, null);
            replies.Add(cards.Welcome(locale));
            replies.Add(cards.Overview(locale));
            replies.Add(cards.TermCommitment(locale, Sample, verified: false, text: null));
            replies.Add(cards.RetrieveData(locale, Sample, verified: false, "warm-up"));
            replies.Add(cards.Servers(locale, Sample, verified: false, "warm-up"));
            replies.Add(cards.Services(locale, Sample, verified: false, "warm-up"));
            replies.Add(cards.RequestClose(locale, Sample.Alias, verified: false, text: null));
            replies.Add(cards.Progress(locale, Sample.Alias, OffboardingSteps.Numbered[0].Id, Sample, verified: false, "warm-up"));
            replies.Add(cards.Resume(locale, Sample.Alias, OffboardingSteps.Numbered[0].Id, DateTimeOffset.UnixEpoch, "warm-up"));
        }
        // What a turn stores and answers: its replies (the outbox row and the expectReplies body) and its state.
        var stored = ActivityJson.SerializeList(replies);
        JsonSerializer.Deserialize<List<Activity>>(stored, ProtocolJson.Options);
        JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(replies), ProtocolJson.Options);
        ConversationDataJson.Read(ConversationDataJson.Write(new ConversationData()));
        return replies.Count;
    }
}
