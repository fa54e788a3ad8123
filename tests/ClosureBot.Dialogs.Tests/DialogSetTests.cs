namespace ClosureBot.Dialogs.Tests;

public class DialogSetTests
{
    private sealed class Named(string id) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var set = new DialogSet().Add(new Named("offboarding"));

        var error = Assert.Throws<ArgumentException>(() => set.Add(new Named("offboarding")));

        Assert.Contains("offboarding", error.Message);
    }

    [Fact]
    public void Add_IdsDifferingOnlyInCase_BothKept()
    {
        var set = new DialogSet().Add(new Named("a")).Add(new Named("A"));

        Assert.NotSame(set.Find("a"), set.Find("A"));
    }

    [Fact]
    public void Find_KnownAndUnknownIds_ReturnsDialogOrNull()
    {
        var dialog = new Named("x");
        var set = new DialogSet().Add(dialog);

        Assert.Same(dialog, set.Find("x"));
        Assert.Null(set.Find("y"));
    }
}
