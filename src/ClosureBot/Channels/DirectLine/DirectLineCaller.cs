namespace ClosureBot.Channels.DirectLine;

/// <summary>Who called a Direct Line operation: the holder of the secret, or of a token granting <see cref="Grant"/>.</summary>
public sealed record DirectLineCaller(bool IsSecret, DirectLineToken? Grant);
