using ClosureBot.Protocol.Authentication;
using Microsoft.Extensions.Hosting.Internal;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>The app type's rules (as the SDK's): what each type needs and forbids, checked at start-up.</summary>
public class BotAuthenticationOptionsValidatorTests
{
    private static readonly BotAuthenticationOptionsValidator Validator = new(new HostingEnvironment { EnvironmentName = "Production" });

    [Theory]
    [InlineData(BotAppType.MultiTenant, "secret", null, true)]
    [InlineData(BotAppType.SingleTenant, "secret", "tenant-1", true)]
    [InlineData(BotAppType.SingleTenant, "secret", null, false)]
    [InlineData(BotAppType.UserAssignedMSI, null, "tenant-1", true)]
    [InlineData(BotAppType.UserAssignedMSI, "secret", "tenant-1", false)]
    [InlineData(BotAppType.UserAssignedMSI, null, null, false)]
    public void Validate_AppType_NeedsItsSettings(BotAppType type, string? password, string? tenant, bool valid)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = "9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d",
            MicrosoftAppType = type,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        };

        Assert.Equal(valid, Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Defaults_AreThePublicCloudEndpoints()
    {
        var options = new BotAuthenticationOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration", options.ToBotFromEmulatorOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.ToChannelFromBotLoginUrl);
        Assert.Equal("https://api.botframework.com", options.ToChannelFromBotOAuthScope);
        Assert.Equal(BotAppType.MultiTenant, options.MicrosoftAppType);
    }
}
