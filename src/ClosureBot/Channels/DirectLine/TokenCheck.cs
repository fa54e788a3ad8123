namespace ClosureBot.Channels.DirectLine;

/// <summary>The outcome of checking a token: its status and, when it was signed by this app, what it grants.</summary>
public sealed record TokenCheck(TokenCheck.State Status, DirectLineToken? Grant)
{
    public enum State { Invalid, Expired, Valid }

    public static TokenCheck Invalid { get; } = new(State.Invalid, null);
}
