using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Tests.Channels.Teams;
using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;
using Xunit.Abstractions;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// Customers who do not follow the script: each conversation is a seeded random walk over what people really do in a
/// chat, in Web Chat or Teams, in five languages. They mostly go on, but also click the other buttons of the last reply
/// or of an older card, write any message of the corpus in their language or another, type their alias, ACME or
/// another anywhere, and send odd text (<see cref="RandomCustomer"/>). In the first walk, whatever they do:
/// <list type="bullet">
/// <item>every turn is answered: never a failed request, never silence (but for a blank message in the support queue,
/// which is passed on to no one), never a message with neither text nor card;</item>
/// <item>no text shows a template's unfilled blank, and none is in English or another language than the customer's;</item>
/// <item>a button the bot has just offered is taken: never "that button belongs to an earlier step" (or "is for a later
/// step"), "I'm having trouble understanding" or a question asked again;</item>
/// <item>a closure request is made only on the turn that confirms it with the account's alias typed, in the
/// customer's name, and once per account.</item>
/// </list>
/// The other walks add support taking over, Teams through the Connector, and two instances; each says what it checks.
/// The walks are the same on every run; <c>CLOSUREBOT_RANDOM_WALKS</c> and <c>CLOSUREBOT_RANDOM_SEED</c> run more of
/// them, or others, when hunting (1,500 walks are about 52,000 turns in 3–4 minutes).
/// </summary>
public sealed partial class RandomCustomersTests(ITestOutputHelper output)
{
    private static readonly string[] Locales = ["en-US", "de-DE", "es-ES", "fr-FR", "pt-BR"];

    private static readonly Locales Tables = ClosureBot.Localization.Locales.Load();

    // What the bot says when it did not take an answer, in every language, its blanks filled by anything: none of it is
    // ever the answer to a button the bot has just offered.
    private static readonly Regex[] NotTaken = Tables.All
        .SelectMany(t => new[]
            {
                TextId.Stale, TextId.StaleLater, TextId.StaleAfterEnd, TextId.TroubleAccount, TextId.TroubleRequestClose,
                TextId.TroubleOptions, TextId.TroubleResume, TextId.KbUnknown, TextId.NoAliasInAnswer, TextId.NoSuchAlias,
                TextId.AliasPromptRetry, TextId.ShallWeStartRetry, TextId.ResumeRetry, TextId.CancelRetry, TextId.RetrieveDataRetry,
                TextId.ServersRetry, TextId.ServicesRetry, TextId.ServersWarnRetry, TextId.ServicesWarnRetry, TextId.ResumeOrCloseRetry,
            }.Select(id => Template(t[id])))
        .ToArray();

    // A text with its blanks ({0}) filled by anything.
    private static Regex Template(string text) => new(Regex.Replace(Regex.Escape(text), @"\\\{\d+}", ".*?"), RegexOptions.Singleline);

    // The English texts a customer in another language must never read: those that differ in their language, as patterns.
    private static readonly Dictionary<string, Regex[]> EnglishOnly = Locales.Skip(1).ToDictionary(l => l[..2], l =>
    {
        var (english, theirs) = (Tables.English, Tables.For(l));
        return Enum.GetValues<TextId>()
            .Where(id => english[id].Length >= 20 && english[id] != theirs[id])
            .Select(id => Template(english[id]))
            .ToArray();
    });

    [Fact]
    public async Task RandomCustomers_WhateverTheyDo_AreAnsweredAndNoRequestIsMadeWithoutTheTypedAlias()
    {
        var walks = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_WALKS"), out var w) ? w : 40;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_SEED"), out var s) ? s : 20261206;
        await using var app = new BotApplicationFactory();
        AddAccounts(app, seed, walks);
        var problems = new List<string>();
        var (turns, confirmations, known) = (0, 0, 0);
        var steps = new Dictionary<string, int>();

        for (var walk = 0; walk < walks && problems.Count < 20; walk++)
        {
            var random = new Random(seed + walk);
            var locale = Locales[walk % Locales.Length];
            var teams = walk % 3 == 2;
            var client = teams ? app.Teams() : app.WebChat();
            var walker = new RandomCustomer(client.ChannelId, client.Message, locale, AliasOf(seed + walk), random);
            var length = random.Next(10, 60);
            for (var turn = 0; turn < length && problems.Count < 20; turn++)
            {
                var (activity, described, offered) = walker.Next();
                var where = $"walk {seed + walk} ({locale}{(teams ? ", Teams" : "")}) turn {turn} {Short(described)}";
                Replies replies;
                try
                {
                    replies = await client.Deliver(activity);
                }
                catch (Exception e)
                {
                    problems.Add($"{where}: {Short(e.Message)}\n  after: {walker.History()}");
                    break;
                }
                turns++;
                var made = NewRequests(app, ref known);
                if (made.Count > 0)
                {
                    if (made.Any(r => r.Requester != client.UserId))
                        problems.Add($"{where}: a closure request in another customer's name ({made[0].Requester})");
                    if (made.Count > 1 || !walker.Confirmed(activity, made[0].Alias))
                        problems.Add($"{where}: {made.Count} closure request(s) for {string.Join(", ", made.Select(r => r.Alias))} without that alias typed\n  after: {walker.History()}");
                    else if (!walker.Requested.Add(made[0].Alias)) problems.Add($"{where}: a second closure request for {made[0].Alias}\n  after: {walker.History()}");
                    else confirmations++;
                }
                // In the support queue a blank message is passed on to no one and gets no answer; anything else is answered.
                if (replies.Count == 0 && !(walker.Blank(activity) && walker.Queued)) problems.Add($"{where}: no reply\n  after: {walker.History()}");
                problems.AddRange(ReadingProblems(walker, locale, activity, offered, replies).Select(p => $"{where}: {p}\n  after: {walker.History()}"));
                walker.Saw(replies, described);
                foreach (var step in replies.SubmitData.Select(d => (string?)d["step"]).OfType<string>().Distinct())
                    steps[step] = steps.GetValueOrDefault(step) + 1;
            }
        }

        output.WriteLine($"{walks} walks, {turns} turns, {confirmations} closures confirmed; cards by step: "
            + string.Join(", ", steps.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        // The walks reach the end of the flow and beyond: some requests are made, each on a typed confirmation.
        if (walks >= 40)
        {
            Assert.True(turns > 1_000, $"only {turns} turns");
            Assert.True(confirmations > 0, "no walk confirmed a closure");
            Assert.Contains("request-close", steps.Keys);
        }
        // Every request in the store was made on a turn that confirmed it: none came from anywhere else.
        Assert.Equal(confirmations, Requests(app).Count);
    }

    // What is wrong with the replies a customer in <paramref name="locale"/> reads: an empty message, a template's blank,
    // a button just offered not taken, English or another language.
    private static IEnumerable<string> ReadingProblems(RandomCustomer walker, string locale, JsonObject activity, bool offered, Replies replies)
    {
        if (replies.Activities.Any(a => a["text"] is null && a["attachments"] is null && (string?)a["type"] == "message"))
            yield return "a message with neither text nor card";
        if (Unfilled().Match(replies.Everything) is { Success: true } hole && !walker.Said(hole.Value))
            yield return $"an unfilled placeholder {hole.Value} in:\n{Short(replies.Everything)}";
        if (offered && !walker.WrongAlias(activity) && NotTaken.FirstOrDefault(p => p.IsMatch(replies.Everything)) is { } notTaken)
            yield return $"a button just offered was not taken: \"{Regex.Unescape(notTaken.ToString())}\" in:\n{Short(replies.Everything)}";
        if (!locale.StartsWith("en", StringComparison.Ordinal) && EnglishOnly[locale[..2]].FirstOrDefault(p => p.IsMatch(replies.Everything)) is { } english)
            yield return $"English to a customer in {locale}: \"{Regex.Unescape(english.ToString())}\" in:\n{Short(replies.Everything)}";
        if (replies.Activities.FirstOrDefault(a => (string?)a["locale"] is { } l && !l.StartsWith(locale[..2], StringComparison.Ordinal)) is { } other)
            yield return $"a reply in {other["locale"]} to a customer in {locale}";
    }

    /// <summary>
    /// Customers on the web chat whom support takes over mid-way, at random: an agent accepts a waiting conversation,
    /// writes, and hands it back at any point the console offers (or ends it), while the customer goes on doing anything.
    /// While a person holds the conversation the bot says nothing; on the hand-back it greets the customer back in their
    /// language; every reply reads right, as above, and a request is still made only on its typed alias.
    /// </summary>
    [Fact]
    public async Task RandomCustomers_WithSupportTakingOverAndHandingBack_ReadRight()
    {
        var walks = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_WALKS"), out var w) ? w / 2 : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_SEED"), out var s) ? s : 20261208;
        await using var app = HandoffTestApp.Create();
        AddAccounts(app, seed, walks);
        var desk = HandoffTestApp.Desk(app);
        var agent = HandoffTestApp.Dana;
        var problems = new List<string>();
        var (turns, takeovers, handBacks, requests, known) = (0, 0, 0, 0, 0);

        for (var walk = 0; walk < walks && problems.Count < 20; walk++)
        {
            var random = new Random(seed + walk);
            var locale = Locales[walk % Locales.Length];
            var t = Tables.For(locale);
            var customer = await HandoffTestApp.CustomerAsync(app);
            var walker = new RandomCustomer("webchat", (text, value) => new JsonObject { ["type"] = "message", ["text"] = text, ["value"] = value },
                locale, AliasOf(seed + walk), random);
            var length = random.Next(10, 60);
            for (var turn = 0; turn < length && problems.Count < 20; turn++, turns++)
            {
                var where = $"walk {seed + walk} ({locale}) turn {turn}";
                var open = DatabaseProbe.Strings(app,
                    $"SELECT id || ' ' || status || ' ' || queue FROM handoff_tickets WHERE conversation_id = '{customer.ConversationId}' AND status <> 'Ended'");
                var ticket = open.Count == 0 ? null : open[0].Split(' ');
                if (ticket is [var waiting, nameof(HandoffStatus.Waiting), var queue] && random.Next(3) == 0)
                {
                    await desk.AcceptAsync(waiting, agent, CancellationToken.None);
                    takeovers++;
                    var joined = await customer.ReadAsync();
                    var hello = t.Format(TextId.JoinedNamed, agent.DisplayName, t[queue == "sales" ? TextId.QueueSales : TextId.QueueSupport]);
                    if (!joined.Everything.Contains(hello, StringComparison.Ordinal))
                        problems.Add($"{where} {queue} took over: no \"{hello}\" in:\n{Short(joined.Everything)}\n  after: {walker.History()}");
                    walker.Saw(joined, "support took over");
                    continue;
                }
                if (ticket is [var held, nameof(HandoffStatus.Held), _] && random.Next(3) == 0)
                {
                    var point = desk.HandBackPoints[random.Next(desk.HandBackPoints.Count)];
                    VerifiedFact[] facts = random.Next(3) == 0 ? [VerifiedFact.DataRetrieved] : [];
                    await desk.HandBackAsync(held, agent, new HandBack(point.Screen, facts, null), CancellationToken.None);
                    handBacks++;
                    var back = await customer.ReadAsync();
                    var greeted = point.Screen == HandBackPoint.End || back.Everything.Contains(t.Format(TextId.HandedBack, agent.DisplayName), StringComparison.Ordinal);
                    if (!greeted || back.Count == 0)
                        problems.Add($"{where} handed back at {point.Screen}: not greeted back in {locale}:\n{Short(back.Everything)}\n  after: {walker.History()}");
                    problems.AddRange(ReadingProblems(walker, locale, new JsonObject(), false, back).Select(p => $"{where} handed back at {point.Screen}: {p}"));
                    walker.Saw(back, $"handed back at {point.Screen}");
                    continue;
                }
                if (ticket is [var writing, nameof(HandoffStatus.Held), _] && random.Next(4) == 0)
                {
                    await desk.SendAsync(writing, agent, $"Agent note {turn}", CancellationToken.None);
                    var note = await customer.ReadAsync();
                    if (!note.Texts.Contains($"Agent note {turn}")) problems.Add($"{where}: the agent's message did not reach the customer");
                    continue;
                }

                var (activity, described, offered) = walker.Next();
                activity["locale"] = locale;
                var replies = await customer.Post(activity);
                where += $" {Short(described)}";
                var made = NewRequests(app, ref known);
                if (made.Count > 1 || made.Count == 1 && !walker.Confirmed(activity, made[0].Alias))
                    problems.Add($"{where}: {made.Count} closure request(s) for {string.Join(", ", made.Select(r => r.Alias))} without that alias typed\n  after: {walker.History()}");
                requests += made.Count;
                if (ticket is [_, nameof(HandoffStatus.Held), _])
                {
                    // A person holds the conversation: the bot stays silent and everything goes to them.
                    if (replies.Activities.Any(a => (string?)a["type"] == "message"))
                        problems.Add($"{where}: the bot spoke while support held the conversation:\n{Short(replies.Everything)}");
                    continue;
                }
                problems.AddRange(ReadingProblems(walker, locale, activity, offered, replies).Select(p => $"{where}: {p}\n  after: {walker.History()}"));
                walker.Saw(replies, described);
            }
        }

        output.WriteLine($"{walks} walks, {turns} turns with support: {takeovers} taken over, {handBacks} handed back, {requests} closures requested");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(takeovers > 0 && handBacks > 0, $"{takeovers} taken over, {handBacks} handed back");
    }

    /// <summary>
    /// Customers in Teams as Azure Bot Service delivers it: each turn is posted without <c>expectReplies</c>, and the
    /// bot's replies and card updates go to a Connector (a local fake). A customer can only click a card still showing
    /// its buttons. Besides reading right, as above: a clicked card is updated in place to its answered version without
    /// buttons, in the card's language, and the chat never shows two cards with buttons at once (a new card, or the
    /// conversation moving past a card's step, closes it).
    /// </summary>
    [Fact]
    public async Task RandomCustomers_InTeamsThroughTheConnector_SeeOneLiveCardAndTheirAnswersOnTheOthers()
    {
        var walks = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_WALKS"), out var w) ? w / 2 : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_SEED"), out var s) ? s : 20261209;
        await using var connector = await FakeConnector.StartAsync();
        // Teams' limit of 7 calls a second per conversation (typing, replies, updates) is not what these walks test: with it
        // a turn here waits about 0.4 s for its calls' turn (ConversationPacer).
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Teams:MaxMessagesPerSecondPerConversation"] = "1000" });
        AddAccounts(app, seed, walks);
        var problems = new List<string>();
        var (turns, clicks) = (0, 0);

        for (var walk = 0; walk < walks && problems.Count < 20; walk++)
        {
            var random = new Random(seed + walk);
            var locale = Locales[walk % Locales.Length];
            var chat = new TeamsChat(app, connector) { Locale = locale };
            var walker = new RandomCustomer("msteams", chat.Message, locale, AliasOf(seed + walk), random);
            var length = random.Next(10, 60);
            for (var turn = 0; turn < length && problems.Count < 20; turn++)
            {
                var (activity, described, offered) = walker.Next();
                var where = $"walk {seed + walk} ({locale}) turn {turn} {Short(described)}";
                var sent = connector.Requests.Where(r => r.ConversationId == chat.ConversationId).ToList();
                string? card = null;
                if (activity["value"] is JsonObject clicked)
                {
                    // The newest card with this button; a card whose buttons are gone cannot be clicked in Teams.
                    card = sent.LastOrDefault(r => r.Method == "POST" && r.ResponseId is not null
                        && new Replies([r.Activity]).SubmitData.Any(d => (string?)d["action"] == (string?)clicked["action"] && (string?)d["step"] == (string?)clicked["step"]))?.ResponseId;
                    if (card is null || sent.Any(r => r.Method == "PUT" && r.ReplyToId == card)) continue;
                    activity["replyToId"] = card;
                    clicks++;
                }
                using var response = await chat.Deliver(activity);
                turns++;
                var now = connector.Requests.Where(r => r.ConversationId == chat.ConversationId).ToList();
                var replies = new Replies(now.Skip(sent.Count).Where(r => r.Method == "POST" && (string?)r.Activity["type"] == "message").Select(r => r.Activity).ToList());
                var updates = now.Skip(sent.Count).Where(r => r.Method == "PUT").ToList();
                if (!response.IsSuccessStatusCode) problems.Add($"{where}: HTTP {(int)response.StatusCode}");
                if (replies.Count == 0 && !(walker.Blank(activity) && walker.Queued)) problems.Add($"{where}: no reply\n  after: {walker.History()}");
                problems.AddRange(ReadingProblems(walker, locale, activity, offered, replies).Select(p => $"{where}: {p}\n  after: {walker.History()}"));
                if (card is not null)
                {
                    var answered = updates.FirstOrDefault(u => u.ReplyToId == card);
                    if (answered is null) problems.Add($"{where}: the clicked card was not updated\n  after: {walker.History()}");
                    else if (!new Replies([answered.Activity]).Everything.Contains(Tables.For(locale)[TextId.Answered], StringComparison.Ordinal))
                        problems.Add($"{where}: the clicked card does not say it was answered, in {locale}:\n{Short(new Replies([answered.Activity]).Everything)}");
                }
                if (updates.FirstOrDefault(u => new Replies([u.Activity]).SubmitData.Count > 0) is { } live)
                    problems.Add($"{where}: an updated card still has buttons: {Short(live.Activity.ToJsonString())}");
                var open = now.Where(r => r.Method == "POST" && r.ResponseId is not null && new Replies([r.Activity]).SubmitData.Count > 0)
                    .Count(r => !now.Any(u => u.Method == "PUT" && u.ReplyToId == r.ResponseId));
                if (open > 1) problems.Add($"{where}: {open} cards with buttons at once\n  after: {walker.History()}");
                walker.Saw(replies, described);
            }
        }

        output.WriteLine($"{walks} walks in Teams, {turns} turns, {clicks} card clicks");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(clicks > walks, $"only {clicks} clicks");
    }

    /// <summary>
    /// The same walks on one instance and on two instances sharing one store (SQLite, or PostgreSQL), each turn going to
    /// either at random, and one in eight sent to both at once, as a channel retries: the customer reads the same, turn
    /// for turn. Nothing of a conversation may live only in one instance's memory, or the other would answer from an
    /// older state, and a retried activity is one turn.
    /// </summary>
    [Theory]
    [InlineData(StorageProviders.Sqlite)]
    [InlineData(StorageProviders.Postgres)]
    public async Task RandomCustomers_OnTwoInstances_ReadTheSameAsOnOne(string storage)
    {
        var walks = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_WALKS"), out var w) ? w / 2 : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CLOSUREBOT_RANDOM_SEED"), out var s) ? s : 20261207;
        await using var one = new BotApplicationFactory();
        await using var first = new BotApplicationFactory(storage: storage);
        await using var second = first.SharingStorageWith();
        AddAccounts(one, seed, walks);
        AddAccounts(first, seed, walks);
        var (a, b) = (first.CreateClient(), second.CreateClient());
        var differences = new List<string>();
        var (turns, retries) = (0, 0);

        for (var walk = 0; walk < walks && differences.Count < 5; walk++)
        {
            var random = new Random(seed + walk);
            var locale = Locales[walk % Locales.Length];
            var teams = walk % 3 == 2;
            var client = teams ? one.Teams() : one.WebChat();
            var walker = new RandomCustomer(client.ChannelId, client.Message, locale, AliasOf(seed + walk), random);
            var (viaA, viaB) = (client.Via(a), client.Via(b));
            var length = random.Next(10, 60);
            for (var turn = 0; turn < length; turn++, turns++)
            {
                var (activity, described, _) = walker.Next();
                var alone = await client.Deliver((JsonObject)activity.DeepClone());
                // Now and then the channel sends the activity again, to the other instance, before or after the first
                // answer (a retry after a timeout): both are answered with the one turn's replies.
                var retried = random.Next(8) == 0;
                var (to, again) = random.Next(2) == 0 ? (viaA, viaB) : (viaB, viaA);
                var shared = retried
                    ? await Task.WhenAll(to.Deliver(activity), again.Deliver((JsonObject)activity.DeepClone()))
                    : [await to.Deliver(activity)];
                if (shared.Select(Read).FirstOrDefault(r => r != Read(alone)) is { } different)
                {
                    differences.Add($"walk {seed + walk} ({locale}{(teams ? ", Teams" : "")}) turn {turn} {Short(described)}{(retried ? ", sent twice" : "")}:\n"
                        + $"one instance:\n{Short(Read(alone))}\ntwo instances:\n{Short(different)}\n  after: {walker.History()}");
                    break;
                }
                retries += retried ? 1 : 0;
                walker.Saw(alone, described);
            }
        }

        output.WriteLine($"{walks} walks, {turns} turns on {storage}, {retries} of them sent twice");
        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
        Assert.True(turns > walks * 10, $"only {turns} turns");
    }

    // What the customer reads and can click, with the closure reference (random) left out.
    private static string Read(Replies replies) => Reference().Replace(
        replies.Everything + "\n" + string.Join(" | ", replies.Buttons) + "\n" + string.Join(" | ", replies.SubmitData.Select(d => d.ToJsonString())),
        "CLS-…");

    [GeneratedRegex(@"CLS-\d{8}-[A-Z0-9]+")]
    private static partial Regex Reference();

    // Each customer closes an account of their own, a copy of ACME: one closed account would leave the others nothing to
    // close (an account has one open request at a time).
    private static void AddAccounts(BotApplicationFactory app, int seed, int walks)
    {
        var root = JsonNode.Parse(File.ReadAllText(app.InventoryPath))!.AsObject();
        var accounts = root["accounts"]!.AsArray();
        var acme = accounts.Single(a => (string?)a!["alias"] == "ACME")!;
        for (var walk = 0; walk < walks; walk++)
        {
            var copy = acme.DeepClone().AsObject();
            (copy["alias"], copy["name"]) = (AliasOf(seed + walk), $"Walker {seed + walk} Trading");
            accounts.Add(copy);
        }
        File.WriteAllText(app.InventoryPath, root.ToJsonString());
    }

    // The closure requests so far, oldest first (the store's table exists once the app has started).
    private static List<(string Alias, string Requester)> Requests(BotApplicationFactory app) =>
        DatabaseProbe.Strings(app, "SELECT account_alias || ' ' || requester_id FROM closure_requests ORDER BY rowid")
            .Select(row => row.Split(' ') is [var alias, var requester] ? (alias, requester) : throw new InvalidDataException(row))
            .ToList();

    // The requests made since the last look, which had seen <paramref name="known"/> of them.
    private static List<(string Alias, string Requester)> NewRequests(BotApplicationFactory app, ref int known)
    {
        var all = Requests(app);
        var made = all.Skip(known).ToList();
        known = all.Count;
        return made;
    }

    // Four letters, like the demo's aliases: QAAA, QAAB, …
    private static string AliasOf(int walk) =>
        string.Concat("Q", (char)('A' + walk / 676 % 26), (char)('A' + walk / 26 % 26), (char)('A' + walk % 26));

    private static string Short(string text) => text.Length > 600 ? text[..600] + "…" : text;

    // A template's hole: ${…} of an Adaptive Card, {0} of a format string, {{…}} of a text.
    [GeneratedRegex(@"\$\{[^}]*\}|\{\d+(:[^}]*)?\}|\{\{[^}]*\}\}")]
    private static partial Regex Unfilled();
}
