using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Dialogs.Tests;

/// <summary>A dialog's typed state is stored exactly as its JSON form always was, and read back from either form.</summary>
public class DialogInstanceTests
{
    public sealed class Sample
    {
        public string? Text { get; set; }
        public int Attempts { get; set; }
        public List<string>? Choices { get; set; }
    }

    private static readonly JsonTypeInfo<Sample> Type = (JsonTypeInfo<Sample>)ProtocolJson.Options.GetTypeInfo(typeof(Sample));

    [Fact]
    public void ATypedValue_IsWrittenAsItsJsonForm_WasBefore()
    {
        var value = new Sample { Text = "Größe <ok> \"quoted\"\n", Attempts = 2, Choices = ["Yes", "No"] };
        var typed = new DialogInstance { Id = "prompt", Version = "3" };
        typed.SetValue(value, Type);
        var asJson = new DialogInstance { Id = "prompt", Version = "3", State = (JsonObject)JsonSerializer.SerializeToNode(value, ProtocolJson.Options)! };

        var written = JsonSerializer.Serialize(new DialogState { Stack = [typed] }, ProtocolJson.Options);

        Assert.Equal(JsonSerializer.Serialize(new DialogState { Stack = [asJson] }, ProtocolJson.Options), written);
        Assert.Contains("\"id\":\"prompt\",\"version\":\"3\",\"state\":{", written);
    }

    [Fact]
    public void APromptsState_WrittenByItsGeneratedWriter_IsWhatReflectionWrites()
    {
        var state = new Prompt<bool>.PromptState
        {
            Text = "Größe <ok> \"quoted\" 👋\n", Choices = [new Choice("yes") { Title = "Sí", Synonyms = ["claro", "ça va"] }, new Choice("no")],
            Attempts = 1, AffirmativeChoice = "yes", RecognizeNumbers = false,
        };
        var generated = (JsonTypeInfo<Prompt<bool>.PromptState>)DialogStateJson.Options.GetTypeInfo(typeof(Prompt<bool>.PromptState));
        var reflected = (JsonTypeInfo<Prompt<bool>.PromptState>)new JsonSerializerOptions(ProtocolJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }
            .GetTypeInfo(typeof(Prompt<bool>.PromptState));

        Assert.Equal(StackJson(state, reflected), StackJson(state, generated));
        Assert.Contains("\"text\":\"Größe <ok> \\\"quoted\\\" ", StackJson(state, generated));
    }

    // The dialog stack as a turn's commit writes it, with the state given as a typed value.
    internal static string StackJson<T>(T value, JsonTypeInfo<T> type) where T : class
    {
        var instance = new DialogInstance { Id = "prompt", Version = "3" };
        instance.SetValue(value, type);
        return JsonSerializer.Serialize(new DialogState { Stack = [instance] }, ProtocolJson.Options);
    }

    [Fact]
    public void StoredState_IsReadBackAsTheTypedValue_AndAsJson()
    {
        var stored = """{"stack":[{"ID":"prompt","Version":"3","state":{"text":"Shall we start?","attempts":1,"choices":["Yes"]},"later":"ignored"}]}""";

        var instance = Assert.Single(JsonSerializer.Deserialize<DialogState>(stored, ProtocolJson.Options)!.Stack);

        Assert.Equal(("prompt", "3"), (instance.Id, instance.Version));
        Assert.Equal("Shall we start?", (string?)instance.State["text"]);
        var value = instance.GetValue(Type);
        Assert.Equal((1, "Yes"), (value.Attempts, Assert.Single(value.Choices!)));
        // The value read is the state from now on: a change to it is what is written.
        value.Attempts = 2;
        Assert.Same(value, instance.GetValue(Type));
        Assert.Equal(2, (int)instance.State["attempts"]!);
    }

    [Fact]
    public void AskingForJson_TurnsTheValueIntoTheState()
    {
        var instance = new DialogInstance { Id = "w", Version = "1" };
        instance.SetValue(new Sample { Attempts = 1 }, Type);

        instance.State["attempts"] = 5;

        Assert.Equal(5, instance.GetValue(Type).Attempts);
        Assert.Contains("\"attempts\":5", JsonSerializer.Serialize(instance, ProtocolJson.Options));
    }

    [Theory]
    [InlineData("""{"stack":[{"version":"1","state":{}}]}""")]
    [InlineData("""{"stack":[{"id":"a","version":"1","state":[1]}]}""")]
    [InlineData("""{"stack":["a"]}""")]
    public void AMalformedInstance_IsAJsonError(string stored) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DialogState>(stored, ProtocolJson.Options));
}
