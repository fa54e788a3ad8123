using System.Diagnostics;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Outbox;

/// <summary>
/// Test-only switch for the crash tests (<c>Testing:CrashAfterCommit=&lt;activity id&gt;</c>, Development only, off by
/// default): once the turn of that activity is committed, and before any reply leaves, the process kills itself (SIGKILL).
/// </summary>
internal sealed class CrashAfterCommitMiddleware(string activityId) : ITurnMiddleware
{
    public const string SettingName = "Testing:CrashAfterCommit";

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        await next(cancellationToken);
        if (turnContext.Activity.Id == activityId) Process.GetCurrentProcess().Kill();
    }
}
