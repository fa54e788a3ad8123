using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Authentication;

// Refuses to start a deployed app whose /api/messages would take anyone's word for who they are, or whose identity
// settings contradict its app type (the SDK's own rules).
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment? environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (options.MessagesEndpointEnabled && options.IsLocalDevelopmentMode && environment?.IsDevelopment() != true)
            return ValidateOptionsResult.Fail(
                "Bot:MicrosoftAppId is empty outside Development: /api/messages would accept unauthenticated requests. " +
                "Set Bot:MicrosoftAppId, or set Bot:MessagesEndpointEnabled=false to serve web chat alone.");
        if (options.IsLocalDevelopmentMode) return ValidateOptionsResult.Success;
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        return options.MicrosoftAppType switch
        {
            BotAppType.SingleTenant when !hasTenant => ValidateOptionsResult.Fail("Bot:MicrosoftAppType SingleTenant needs Bot:MicrosoftAppTenantId."),
            BotAppType.UserAssignedMSI when !hasTenant => ValidateOptionsResult.Fail("Bot:MicrosoftAppType UserAssignedMSI needs Bot:MicrosoftAppTenantId."),
            BotAppType.UserAssignedMSI when !string.IsNullOrEmpty(options.MicrosoftAppPassword) =>
                ValidateOptionsResult.Fail("Bot:MicrosoftAppType UserAssignedMSI takes no Bot:MicrosoftAppPassword."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
