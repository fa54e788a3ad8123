using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;
using ClosureBot.Storage;

namespace ClosureBot.Offboarding;

/// <summary>
/// Walks the first turns of a conversation in every language through the bot's own turn as the app starts: each
/// activity read from the JSON a channel sends (<see cref="ActivityReader"/>), then the adapter, the turn middleware and
/// <see cref="OffboardingBot"/> (the router, the dialogs and prompts, the readers, the state and reply JSON). The first customer
/// message after a start otherwise waits while the runtime compiles that path (about 1,700 methods; 134–192 ms, against
/// 2–3 ms for the tenth; tests/ClosureBot.LoadTest/MEASUREMENTS.md, twentieth measurement).
/// </summary>
/// <remarks>
/// The turns commit to a store of their own that keeps them in memory for the walk only, so nothing is written to the
/// database, the outbox or the audit log (a turn still looks for its customer's saved place there, which the walk's
/// customer has none of), and nothing is sent: the replies stay in each turn's buffer (<c>expectReplies</c>), though the
/// activities name the Connector's service URL as a deployed channel's do. The walk ends at the account question and
/// names no account.
/// </remarks>
internal sealed class MessageTurnWarmer(IServiceProvider services)
{
    /// <summary>What a customer says in each language: the closure asked for, then yes to starting, then help.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Walks = new Dictionary<string, string[]>
    {
        ["en"] = ["I want to close my account", "yes", "help"],
        ["es"] = ["quiero cerrar mi cuenta", "sí", "ayuda"],
        ["fr"] = ["je veux fermer mon compte", "oui", "aide"],
        ["de"] = ["ich möchte mein Konto schließen", "ja", "Hilfe"],
        ["pt"] = ["quero encerrar minha conta", "sim", "ajuda"],
    };

    private const string User = "closurebot-warm-up";
    private const string ConnectorServiceUrl = "https://webchat.botframework.com/";

    /// <summary>Walks every language's turns (<see cref="Locales.Supported"/> order, then <see cref="Walks"/>); returns each turn's replies.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<Activity>>> WarmAsync(CancellationToken cancellationToken)
    {
        // The app's own bot and adapter, built as the app builds them but for the store.
        IBot bot = ActivatorUtilities.CreateInstance<OffboardingBot>(services, (IBotStore)new WalkStore());
        var adapter = ActivatorUtilities.CreateInstance<BotAdapter>(services, bot);
        var replies = new List<IReadOnlyList<Activity>>();
        foreach (var (language, _) in Locales.Supported)
        {
            var conversation = $"{User}-{language}";
            var turn = 0;
            foreach (var text in Walks[language])
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(WalkActivity(language, conversation, ++turn, text), ProtocolJson.Options);
                var activity = ActivityReader.Parse(json).Activity
                               ?? throw new InvalidOperationException($"The warm-up's activity {conversation}-{turn} did not read back.");
                var result = await adapter.ProcessActivityAsync(activity, transport: null, cancellationToken);
                replies.Add(result.Replies);
            }
        }
        return replies;
    }

    /// <summary>
    /// One turn of the walk as a channel of the Bot Connector sends it (Azure's Web Chat; Teams likewise): with the
    /// Connector's service URL, so the turn keeps its transcript lines for a handoff and writes them with its state, as
    /// <c>/api/messages</c> turns do. The replies stay in the turn's buffer (<c>expectReplies</c>).
    /// </summary>
    internal static Activity WalkActivity(string language, string conversation, int turn, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{conversation}-{turn}",
        ChannelId = Protocol.Activities.Channels.WebChat,
        ServiceUrl = ConnectorServiceUrl,
        From = new ChannelAccount { Id = User, Name = "Warm-up", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "closurebot", Name = "ClosureBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversation },
        Locale = language,
        Text = text,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    /// <summary>The walk's conversations, in memory for the walk; the second turn of each reads its state back from JSON.</summary>
    private sealed class WalkStore : IBotStore
    {
        private readonly ConcurrentDictionary<string, StoredConversation> _conversations = new();

        public Task<StoredConversation?> LoadConversationAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult(_conversations.TryGetValue(key, out var stored) ? stored : null);

        public Task<StoredProgress?> LoadProgressAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult<StoredProgress?>(null);

        public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
        {
            // A real commit waits for the writer's flush, so the turn's methods resume after it: so do these.
            await Task.Yield();
            // The first commit is kept as JSON only, so the next turn parses it as a turn whose conversation is not cached does.
            var first = !_conversations.ContainsKey(commit.ConversationKey);
            _conversations[commit.ConversationKey] = new StoredConversation(commit.ConversationKey, commit.NewETag, commit.State, first ? null : commit.Parsed);
        }

        public void Evict(string conversationKey) => _conversations.TryRemove(conversationKey, out _);

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
