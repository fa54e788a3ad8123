using System.Text.Json;
using ClosureBot.Dialogs;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Storage;

namespace ClosureBot.Offboarding;

/// <summary>
/// The one owner of saved progress (per channel identity, so the same user can resume in a new conversation): finds a
/// customer's saved place, checks it against the dialog's version, and decides what a turn's commit writes or deletes.
/// </summary>
public sealed class SavedPlaces(IBotStore store, OffboardingDialog offboarding, TimeProvider time)
{
    /// <summary>Saved progress is per channel identity: the same user in a new conversation can resume.</summary>
    public static string UserKey(Activity activity) => $"{activity.ChannelId}/{activity.From?.Id}";

    /// <summary>The customer's saved place, or null when there is none.</summary>
    public async Task<SavedPlace?> FindAsync(Activity activity, CancellationToken ct)
    {
        var stored = await store.LoadProgressAsync(UserKey(activity), ct);
        if (stored is null) return null;
        SavedProgress? progress;
        try
        {
            progress = ConversationDataJson.ReadProgress(stored.Json);
        }
        catch (JsonException)
        {
            progress = null;
        }
        var current = progress is not null && progress.Version == offboarding.Version && offboarding.IsScreen(progress.Screen);
        return new SavedPlace(current ? progress : null, stored.SavedAt);
    }

    /// <summary>What this turn's commit does with the customer's saved place, after the dialog has run.</summary>
    public (StoredProgress? Save, string? Delete) Track(ConversationData data, Activity activity, OffboardingOutcome? outcome)
    {
        var userKey = UserKey(activity);
        if (outcome is OffboardingOutcome.Requested or OffboardingOutcome.RedirectedToSales or OffboardingOutcome.Abandoned or OffboardingOutcome.NotStarted)
        {
            data.SavedProgressStep = null;
            return (null, userKey);
        }
        if (data.Dialog.Stack.LastOrDefault(i => i.Id == OffboardingDialog.DialogId) is not { } instance) return (null, null);
        var screen = offboarding.CurrentScreen(instance);
        if (screen == data.SavedProgressStep) return (null, null);
        data.SavedProgressStep = screen;
        var json = ConversationDataJson.Write(new SavedProgress(offboarding.PeekState(instance), screen, offboarding.Version));
        return (new StoredProgress(userKey, activity.Conversation?.Id ?? "", json, time.GetUtcNow()), null);
    }
}

/// <summary>A saved place as found: <see cref="Progress"/> is null when it was saved by another version of the dialog.</summary>
public sealed record SavedPlace(SavedProgress? Progress, DateTimeOffset SavedAt)
{
    public bool Outdated => Progress is null;
}
