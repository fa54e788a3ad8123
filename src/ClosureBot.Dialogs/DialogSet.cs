using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs;

/// <summary>The dialogs a bot knows, by id. Build once at start-up; contexts are created per turn.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Adds a dialog; ids must be unique.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        return this;
    }

    /// <summary>The dialog with <paramref name="id"/>, or null.</summary>
    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    /// <summary>A context over <paramref name="state"/> for this turn.</summary>
    public DialogContext CreateContext(ITurnContext turnContext, DialogState state) => new(this, turnContext, state);
}
