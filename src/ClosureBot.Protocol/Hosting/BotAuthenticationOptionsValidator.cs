using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Hosting;

// Refuses to start a deployed app whose /api/messages would take anyone's word for who they are.
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment? environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options) =>
        !options.MessagesEndpointEnabled || !options.IsLocalDevelopmentMode || environment?.IsDevelopment() == true
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Bot:MicrosoftAppId is empty outside Development: /api/messages would accept unauthenticated requests. " +
                "Set Bot:MicrosoftAppId, or set Bot:MessagesEndpointEnabled=false to serve web chat alone.");
}
