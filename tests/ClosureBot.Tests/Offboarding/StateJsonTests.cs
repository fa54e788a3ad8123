using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Handoff;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Tests.Offboarding;

// The waterfalls' states are written by source-generated code (OffboardingStateJson); what is stored must be the JSON
// reflection wrote before, so conversations saved by an older build read back and the new JSON reads back in an older one.
public sealed class StateJsonTests
{
    [Fact]
    public void OffboardingPosition_WrittenByItsGeneratedWriter_IsWhatReflectionWrites()
    {
        var position = new WaterfallDialog<OffboardingState>.Position
        {
            Step = 4,
            Values = new OffboardingState
            {
                AccountAlias = "ACME", AccountName = "Ärzte & Söhne <GmbH> \"Zürich\" 👋", HasTermCommitment = false, DataRetrievalAcknowledged = true,
                ContinuedWithServersRemaining = true, StartedAt = new DateTimeOffset(2026, 12, 5, 14, 30, 15, 123, TimeSpan.FromHours(1)), Misses = 2,
            },
        };

        Assert.Equal(Written(position, Reflected<WaterfallDialog<OffboardingState>.Position>()), Written(position, Generated<WaterfallDialog<OffboardingState>.Position>()));
        Assert.Contains("\"values\":{\"accountAlias\":\"ACME\",\"accountName\":\"Ärzte & Söhne <GmbH> \\\"Zürich\\\" ", Written(position, Generated<WaterfallDialog<OffboardingState>.Position>()));
    }

    // Every move of a step keeps a snapshot of the state; the app's states are copied field by field where that is what
    // their JSON gives back (StateCopy), the resume offer's (which holds saved states) through its JSON.
    [Fact]
    public void States_OfTheClosureAndTheCancel_AreCopiedByFields_TheResumeOffersThroughItsJson()
    {
        static WaterfallDialog<T> Waterfall<T>() where T : class, new() =>
            new("w", [("one", (step, ct) => Task.FromResult(DialogTurnResult.Waiting))], OffboardingStateJson.Default);

        Assert.True(Waterfall<OffboardingState>().CopiesStateByFields);
        Assert.True(Waterfall<CancelDialog.CancelState>().CopiesStateByFields);
        Assert.False(Waterfall<ResumeDialog.ResumeState>().CopiesStateByFields);
    }

    [Fact]
    public void ResumePosition_WrittenByItsGeneratedWriter_IsWhatReflectionWrites()
    {
        var position = new WaterfallDialog<ResumeDialog.ResumeState>.Position
        {
            Step = 1,
            Values = new ResumeDialog.ResumeState { Saved = new OffboardingState { AccountAlias = "ACME", Misses = 1 }, Screen = "servers", SavedAt = DateTimeOffset.UnixEpoch },
        };

        Assert.Equal(Written(position, Reflected<WaterfallDialog<ResumeDialog.ResumeState>.Position>()), Written(position, Generated<WaterfallDialog<ResumeDialog.ResumeState>.Position>()));
    }

    // The generated writer runs only for options it was generated for (DialogStateJson); when it does not, System.Text.Json
    // falls back to its metadata, which writes the same JSON (the tests above) through a stack of frames it allocates.
    [Fact]
    public void OffboardingPosition_IsWrittenByTheGeneratedWriter_WhichAllocatesNoFrames()
    {
        var position = new WaterfallDialog<OffboardingState>.Position { Step = 2, Values = new OffboardingState { AccountAlias = "ACME", Misses = 1 } };

        Assert.True(BytesAllocatedWriting(position, Generated<WaterfallDialog<OffboardingState>.Position>()) * 2
                    < BytesAllocatedWriting(position, Reflected<WaterfallDialog<OffboardingState>.Position>()));
    }

    // What a turn stores about its conversation is written by generated code too (ConversationDataJson): the same bytes
    // as the protocol's options write, with the app's encoder (non-ASCII text as it is, HTML characters unescaped).
    [Fact]
    public void ConversationData_WrittenByItsGeneratedWriter_IsWhatTheProtocolsOptionsWrite_AndReadsBack()
    {
        var data = RichConversation();

        var written = ConversationDataJson.Write(data);

        Assert.Equal(JsonSerializer.Serialize(data, ProtocolJson.Options), System.Text.Encoding.UTF8.GetString(written));
        Assert.Contains("\"text\":\"Möchten Sie Ihre Daten <jetzt> sichern? \\\"Ja\\\" oder \\\"Nein\\\" ", System.Text.Encoding.UTF8.GetString(written));
        Assert.Equal(written, ConversationDataJson.Write(ConversationDataJson.Read(written)));
        Assert.Equal(written, ConversationDataJson.Write(JsonSerializer.Deserialize<ConversationData>(written, ProtocolJson.Options)!));
    }

    [Fact]
    public void SavedProgress_WrittenByItsGeneratedWriter_IsWhatTheProtocolsOptionsWrite_AndReadsBack()
    {
        var progress = new SavedProgress(new OffboardingState { AccountAlias = "ACME", AccountName = "Ärzte & Söhne <GmbH>", Misses = 1, StartedAt = DateTimeOffset.UnixEpoch },
            "servers", "7");

        var written = ConversationDataJson.Write(progress);

        Assert.Equal(JsonSerializer.Serialize(progress, ProtocolJson.Options), written);
        Assert.Equal(written, ConversationDataJson.Write(ConversationDataJson.ReadProgress(written)!));
    }

    [Fact]
    public void ConversationData_IsWrittenByTheGeneratedWriter_WhichAllocatesLittleMoreThanWhatItReturns()
    {
        var data = RichConversation();
        var size = ConversationDataJson.Write(data).Length;

        var generated = BytesAllocated(() => ConversationDataJson.Write(data));
        var reflected = BytesAllocated(() => JsonSerializer.SerializeToUtf8Bytes(data, ProtocolJson.Options));

        Assert.True(generated < reflected, $"generated {generated} B, through the protocol's options {reflected} B");
        Assert.True(generated < size + 1024, $"generated {generated} B for {size} B of JSON");
    }

    private static ConversationData RichConversation()
    {
        var position = new DialogInstance { Id = "offboarding", Version = "7" };
        position.SetValue(new WaterfallDialog<OffboardingState>.Position
        {
            Step = 3,
            Values = new OffboardingState { AccountAlias = "ACME", AccountName = "Ärzte & Söhne", DataRetrievalAcknowledged = true, StartedAt = DateTimeOffset.UnixEpoch },
        }, Generated<WaterfallDialog<OffboardingState>.Position>());
        var prompt = new DialogInstance { Id = "confirm", Version = "1" };
        prompt.SetValue(new Prompt<bool>.PromptState
        {
            Text = "Möchten Sie Ihre Daten <jetzt> sichern? \"Ja\" oder \"Nein\" 👋", RetryText = "Bitte antworten Sie mit Ja oder Nein.", Attempts = 1,
        }, (JsonTypeInfo<Prompt<bool>.PromptState>)DialogStateJson.Options.GetTypeInfo(typeof(Prompt<bool>.PromptState)));
        var recent = new RecentActivities();
        recent.Lines.Add(new RecentLine("user", "ich möchte mein Konto schließen & <sofort>", new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero)));
        recent.Lines.Add(new RecentLine("bot", "Gern. \"Schritt 1 von 5\"", new DateTimeOffset(2026, 12, 7, 9, 30, 1, 250, TimeSpan.Zero)));
        return new ConversationData
        {
            Dialog = new DialogState { Stack = [position, prompt] },
            RecentActivityIds = ["a-1", "a-2|0003"],
            SavedProgressStep = "retrieve-data",
            Welcomed = true,
            Ended = new EndedFlow(OffboardingOutcome.Abandoned, "ACME", null) { WelcomedAgain = true },
            HandoffTicketId = "T-1",
            Recent = recent,
            Locale = "de-DE",
            TimeZone = "Europe/Berlin",
            UtcOffsetMinutes = 60,
        };
    }

    private static long BytesAllocated(Func<byte[]> write)
    {
        write();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) write();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    private static long BytesAllocatedWriting<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, value, type);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, value, type);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static JsonTypeInfo<T> Generated<T>() => (JsonTypeInfo<T>)DialogStateJson.For(OffboardingStateJson.Default).GetTypeInfo(typeof(T));

    private static JsonTypeInfo<T> Reflected<T>() =>
        (JsonTypeInfo<T>)new JsonSerializerOptions(ProtocolJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(T));

    // The dialog stack as a turn's commit writes it.
    private static string Written<T>(T value, JsonTypeInfo<T> type) where T : class
    {
        var instance = new DialogInstance { Id = "offboarding", Version = "1" };
        instance.SetValue(value, type);
        return JsonSerializer.Serialize(new DialogState { Stack = [instance] }, ProtocolJson.Options);
    }
}
