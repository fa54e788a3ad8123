using System.Security.Claims;
using ClosureBot.Identity;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// A Teams user is a verified customer (source <c>teams</c>, user id = their AAD object id) when the Bot Connector's
/// channel token proved the request (<see cref="ChannelIdentity.ConnectorChannelOf"/>), or — local testing in Development only — when
/// <c>Teams:TrustUnauthenticatedChannel</c> is on. Their accounts come from <c>Teams:TenantAccounts</c>; an unmapped
/// user is verified with no account.
/// </summary>
public sealed class TeamsIdentitySource(IOptions<TeamsOptions> options, IHostEnvironment environment) : IChannelIdentitySource
{
    private readonly bool _trustUnauthenticated = options.Value.TrustUnauthenticatedChannel && environment.IsDevelopment();

    public ClaimsIdentity? Prove(ITurnContext context)
    {
        var activity = context.Activity;
        if (!TeamsActivity.IsTeams(activity)) return null;
        // The Connector's channel token, whose key endorses msteams: an Emulator token proves this bot's app id, no channel.
        if (ChannelIdentity.ConnectorChannelOf(context) is null && !_trustUnauthenticated) return null;
        if (activity.From?.AadObjectId is not { Length: > 0 } aadObjectId || TeamsActivity.TenantId(activity) is not { Length: > 0 } tenantId) return null;
        return CustomerClaims.Create(CustomerClaims.Sources.Teams, aadObjectId, activity.From.Name, options.Value.AccountsOf(tenantId, aadObjectId));
    }
}
