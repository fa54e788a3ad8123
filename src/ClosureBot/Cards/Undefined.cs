namespace ClosureBot.Cards;

// JavaScript's `undefined`: the official engine treats a missing field differently from a JSON null.
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }

    public override string ToString() => "undefined";
}
