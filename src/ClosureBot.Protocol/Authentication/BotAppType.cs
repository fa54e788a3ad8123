namespace ClosureBot.Protocol.Authentication;

/// <summary>How the bot's Azure identity is registered (the SDK's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>A multi-tenant app registration with a secret or certificate; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>An app registration of one tenant (<c>Bot:MicrosoftAppTenantId</c>) with a secret or certificate.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity (its client id is the app id); no password.</summary>
    UserAssignedMSI,
}
