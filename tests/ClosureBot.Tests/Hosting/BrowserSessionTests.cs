using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// Cookies and sign-in run for browser paths, once a request, and not for the channel's <c>/api/messages</c>, which
/// proves its caller with the channel's own token.
/// </summary>
public sealed class BrowserSessionTests
{
    [Fact]
    public async Task BotMessages_RunNoBrowserSession_OtherPathsRunItOnce()
    {
        await using var app = new BotApplicationFactory();
        var counting = new CountingSchemes();
        await using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider>(sp =>
                counting.Attach(sp.GetRequiredService<IOptions<AuthenticationOptions>>())))));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ann = ConversationClient.FromPayload(client, "webchat-message.json", BotApplicationFactory.NewId("dl_"), BotApplicationFactory.NewId("conv-"));

        (await ann.Send("hi")).Says("ClosureBot");
        Assert.Equal(0, counting.Requests);

        using var page = await client.GetAsync("/");
        page.EnsureSuccessStatusCode();
        Assert.Equal(1, counting.Requests);

        using var console = await client.GetAsync("/agent");
        // Not signed in: the console's policy sends the browser to its sign-in page, which needs the authentication above.
        Assert.Equal(2, counting.Requests);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, console.StatusCode);
    }

    private sealed class CountingSchemes
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public IAuthenticationSchemeProvider Attach(IOptions<AuthenticationOptions> options) => new Provider(options, this);

        // The authentication middleware asks for the request handlers' schemes once per request it runs for.
        private sealed class Provider(IOptions<AuthenticationOptions> options, CountingSchemes owner) : AuthenticationSchemeProvider(options)
        {
            public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
            {
                Interlocked.Increment(ref owner._requests);
                return base.GetRequestHandlerSchemesAsync();
            }
        }
    }
}
