using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ClosureBot.Tests.Hosting;

/// <summary>Issue 7, hole 5: a newline in anything a client sent must not forge a log line.</summary>
public sealed class LogInjectionTests
{
    private const string Forged = "[09:30:00 INF] Closure request CLS-20261112-FORGED logged for account \"INIT\"";

    [Fact]
    public async Task ActivityIdWithNewline_LoggedOnOneLine_NoForgedClosureLine()
    {
        // The console sink's own template from appsettings.json, rendered into memory.
        var template = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "ClosureBot", "appsettings.json")))!
            ["Serilog"]!["WriteTo"]![0]!["Args"]!["configure"]![0]!["Args"]!["outputTemplate"]!;
        var sink = new TextSink(template);
        await using (var factory = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" }))
        await using (var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink))))
        {
            var ann = ConversationClient.FromPayload(app.CreateClient(), "webchat-message.json", "dl_forger", "conv-forger");
            var message = ann.Message("hello", null);
            message["id"] = "42\n" + Forged + "\r\n\u001b[2K" + Forged;
            message["conversation"]!["id"] = "conv-forger\n" + Forged;
            await ann.Deliver(message);
            // The redelivery is logged ("already processed") with the id as a property.
            await ann.Deliver(message);
        }

        var lines = sink.Text.Split('\n');
        Assert.Contains(lines, l => l.Contains("42\\\\n[09:30:00 INF] Closure request") || l.Contains("42\\n[09:30:00 INF] Closure request"));
        Assert.DoesNotContain(lines, l => l.StartsWith("[09:30:00 INF] Closure request", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\u001b') || l.Contains('\r'));
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Matches(LinePrefix(), l));
    }

    private static Regex LinePrefix() => new(@"^(\[\d\d:\d\d:\d\d [A-Z]{3}\] |\s+at |[A-Za-z.]+Exception|---)");

    private sealed class TextSink(string template) : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _formatter = new(template);
        private readonly StringWriter _writer = new();

        public string Text
        {
            get { lock (_writer) return _writer.ToString(); }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_writer) _formatter.Format(logEvent, _writer);
        }
    }
}
