using ClosureBot.Accounts;
using ClosureBot.Cards;
using ClosureBot.Channels;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.Teams;
using ClosureBot.Channels.WebChat;
using ClosureBot.Closure;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Turns;
using ClosureBot.RateLimits;
using ClosureBot.Retention;
using ClosureBot.Storage;

using ClosureBot.Understanding;

namespace ClosureBot.Hosting;

/// <summary>The composition of the app: each area registers and maps itself here.</summary>
public static class ClosureBotExtensions
{
    public static WebApplicationBuilder AddClosureBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        InlineSocketCompletions.Apply(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddEdge(configuration);
        services.AddRateLimits(configuration);
        services.AddBotProtocol(configuration);
        services.AddBotStorage(configuration);
        services.AddReplyOutbox(configuration, builder.Environment);
        services.AddAccountInventory(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddSingleton(_ => Locales.Load());
        services.AddSingleton<CustomerLocales>();
        services.AddSingleton(sp => CardCatalog.Load(Path.Combine(AppContext.BaseDirectory, "cards"),
            sp.GetRequiredService<Locales>().All.ToDictionary(t => t.Language, t => t.Cards)));
        services.AddCustomerIdentity(configuration);
        services.AddOffboarding();
        services.AddHandoff(configuration);
        services.AddDirectLine(configuration);
        services.AddWebChat(configuration);
        services.AddRetention(configuration);
        services.AddSingleton<ITurnMiddleware, TurnLoggingMiddleware>();
        services.AddTeams(configuration, builder.Environment);
        services.AddAgentConsole(configuration);
        services.AddInstanceFanOut(configuration);
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.SectionName));
        services.AddHostedService<NativeMemoryTrimmer>();
        ReadKeyRingOnFirstUse(services);
        return builder;
    }

    // Data Protection's key ring (cookies: web chat sign-in, agent console, anti-forgery) is read when a cookie is first
    // protected or read, not at start-up: ASP.NET Core's hosted service that reads it at start loads the XML stack (about
    // 3 MiB resident) into every instance, also one that only serves Bot Framework channels and never sets a cookie.
    // Removed after every registration, since each AddDataProtection (authentication, anti-forgery) adds it again.
    private static void ReadKeyRingOnFirstUse(IServiceCollection services)
    {
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) &&
                     d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(eager);
    }

    private static void AddOffboarding(this IServiceCollection services)
    {
        services.AddSingleton<OffboardingCards>();
        services.AddSingleton<AccountChooser>();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<TurnPathWarmer>();
        services.AddSingleton<MessageTurnWarmer>();
        services.AddSingleton<SelfRequestWarmer>();
        services.AddHostedService<StartupWarmup>();
        services.AddSingleton<IReplyShaper, SpeakReplyShaper>();
        services.AddSingleton<IReplyShaper, OfferButtonsShaper>();
        services.AddSingleton<ClosureRequests>();
        services.AddSingleton<OffboardingDialog>();
        services.AddSingleton<ResumeDialog>();
        services.AddSingleton<SavedPlaces>();
        services.AddSingleton(sp => new DialogSet()
            .Add(sp.GetRequiredService<OffboardingDialog>())
            .Add(sp.GetRequiredService<ResumeDialog>())
            .Add(new CancelDialog())
            .Add(new ConfirmPrompt(PromptIds.Confirm))
            .Add(new ChoicePrompt(PromptIds.Choice))
            .Add(new TextPrompt(PromptIds.Text)));
        services.AddSingleton<IGuidedFlow, GuidedFlow>();
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<IBot, OffboardingBot>();
        services.AddSingleton<IReplyShaper, ReplyLocaleShaper>();
    }

    public static WebApplication MapClosureBot(this WebApplication app)
    {
        // The language tables and the cards compiled for each language are read and checked now, not on a customer's
        // first turn: a missing translation or a broken template stops the start, naming its file. Reading them takes about
        // as long as building the pipeline below (85 against 90–110 ms, timed in a ReadyToRun build), so they are read
        // beside it: the first reply after a start came about 65 ms sooner (tests/ClosureBot.LoadTest/MEASUREMENTS.md,
        // twenty-first measurement).
        var cards = Task.Run(() => app.Services.GetRequiredService<CardCatalog>());
        // The Direct Line token-signing key is read (or made, in a new database) now too, beside them: its read is
        // synchronous, and otherwise a new instance's first Direct Line request waits for it, holding a thread.
        var tokenKey = Task.Run(() => app.Services.GetRequiredService<DirectLineTokenService>());
        app.UseEdge();
        app.UseRateLimits();
        app.UseBrowserSessions();
        app.MapCustomerSignIn();
        app.MapWebChat();
        app.MapAgentConsole();
        app.MapDirectLine();
        app.MapBotMessages().WithMetadata(BrowserSessionExtensions.ProvesItsCaller.Instance);
        app.MapClosureAdmin();
        app.MapHealth();
        cards.GetAwaiter().GetResult();
        tokenKey.GetAwaiter().GetResult();
        return app;
    }
}
