namespace ClosureBot.Tests.Hosting;

/// <summary>
/// One hostile request: which surface it hits, what it is, how to build it against a running bot, and whether a
/// polite 2xx (a turn that stores nothing harmful) is an acceptable answer instead of a 4xx.
/// </summary>
public sealed record HostileInputCase(string Surface, string Name, Func<HostileInputContext, HttpRequestMessage> Build, bool MayAnswer = false)
{
    public override string ToString() => $"{Surface}: {Name}";
}

/// <summary>What the cases need from the running bot: a started Direct Line conversation and its token, another one's token.</summary>
public sealed record HostileInputContext(Uri BaseAddress, string ConversationId, string Token, string OtherToken);
