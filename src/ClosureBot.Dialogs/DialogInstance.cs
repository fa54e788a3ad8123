using System.Text.Json.Nodes;

namespace ClosureBot.Dialogs;

/// <summary>One entry of the persisted dialog stack.</summary>
public sealed class DialogInstance
{
    /// <summary>Id of the dialog definition.</summary>
    public required string Id { get; init; }

    /// <summary>The definition's <see cref="Dialog.Version"/> when this instance started.</summary>
    public required string Version { get; init; }

    /// <summary>The dialog's own state, as JSON so the stack serializes without knowing dialog types.</summary>
    public JsonObject State { get; set; } = [];
}
