using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs;
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
