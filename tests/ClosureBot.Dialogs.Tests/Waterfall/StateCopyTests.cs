using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs.Waterfall;

namespace ClosureBot.Dialogs.Tests.Waterfall;

// A waterfall keeps a snapshot of its state at every move. Copied field by field, the snapshot must be the object its
// JSON would give back; a state for which that cannot be told is copied through its JSON as before.
public sealed class StateCopyTests
{
    public enum Stage { None, Servers, Services }

    public sealed class Plain
    {
        public string? Alias { get; set; }
        public bool Acknowledged { get; set; }
        public bool? Committed { get; set; }
        public int Misses { get; set; }
        public long? Count { get; set; }
        public char Mark { get; set; }
        public Guid Id { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public TimeSpan Waited { get; set; }
        public DateOnly? Due { get; set; }
        public TimeOnly At { get; set; }
        public Stage Stage { get; set; }
        public Stage? Previous { get; set; }
    }

    public class NotSealed { public int X { get; set; } }
    public sealed class WithList { public List<string>? Items { get; set; } }
    public sealed class WithNested { public Plain? Saved { get; set; } }
    public sealed class WithInitializer { public string Screen { get; set; } = "overview"; }
    public sealed class WithIgnored { public int X { get; set; } [JsonIgnore] public int Y { get; set; } }
    public sealed class WithDouble { public double Ratio { get; set; } }
    public sealed class WithDecimal { public decimal Amount { get; set; } }
    public sealed class WithConverter { [JsonConverter(typeof(JsonStringEnumConverter<Stage>))] public Stage Stage { get; set; } }
    public sealed class WithComputed { public int X { get; set; } public int Twice => X * 2; }
    public sealed class WithPrivateField { private int _hidden; public int X { get => _hidden; set => _hidden = value; } }
    public sealed class WithCallback : IJsonOnDeserialized { public int X { get; set; } public void OnDeserialized() => X++; }
    public sealed class WithWriteCallback : IJsonOnSerializing { public int X { get; set; } public void OnSerializing() => X = 0; }
    public sealed class WithRequired { [JsonRequired] public string? Alias { get; set; } }
    public sealed class Empty;

    [Fact]
    public void ByFields_AStateOfValuesItsJsonGivesBackExactly_CopiesAsTheJsonWould()
    {
        var contract = Contract<Plain>();
        var copy = StateCopy.ByFields(contract);
        Assert.NotNull(copy);

        foreach (var state in new[]
                 {
                     new Plain(),
                     new Plain
                     {
                         Alias = "ACME \"ü\" <b>& ß", Acknowledged = true, Committed = false, Misses = -3, Count = long.MaxValue, Mark = 'ß',
                         Id = Guid.Parse("6a1c2d3e-0000-4f5e-9a8b-1c2d3e4f5a6b"), StartedAt = new DateTimeOffset(2026, 12, 7, 10, 11, 12, TimeSpan.FromMinutes(330)).AddTicks(1234567),
                         Waited = TimeSpan.FromTicks(123456789), Due = new DateOnly(2026, 12, 31), At = new TimeOnly(23, 59, 59, 999), Stage = Stage.Services, Previous = Stage.None,
                     },
                 })
        {
            var byFields = copy(state);
            var byJson = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, contract), contract)!;

            Assert.NotSame(state, byFields);
            foreach (var property in typeof(Plain).GetProperties())
            {
                Assert.Equal(property.GetValue(byJson), property.GetValue(byFields));
                if (property.GetValue(byJson) is DateTimeOffset time) Assert.Equal(time.Offset, ((DateTimeOffset)property.GetValue(byFields)!).Offset);
            }
        }
        Assert.NotNull(StateCopy.ByFields(Contract<Empty>()));
    }

    // The JSON writes a lone half of a surrogate pair as U+FFFD: for such a text the round trip is not a copy.
    [Fact]
    public void ByFields_AStateWithASurrogateInAText_IsLeftToTheJsonForThatCopy()
    {
        var copy = StateCopy.ByFields(Contract<Plain>())!;

        foreach (var alias in new[] { $"ACME {(char)0xD800} Ltd", $"ACME {(char)0xDFFF}", "ACME 👋" })
            Assert.Null(copy(new Plain { Alias = alias }));
        Assert.NotNull(copy(new Plain { Alias = "ACME Ärzte & Söhne" }));
    }

    [Fact]
    public async Task Waterfall_AStateWithALoneSurrogate_KeepsWhatItsJsonGivesBack()
    {
        Plain? seen = null;
        var dialog = new WaterfallDialog<Plain>("plain",
        [
            ("one", (step, ct) => { step.State.Alias = $"x{(char)0xD800}y"; return step.NextAsync(null, ct); }),
            ("two", (step, ct) => { seen = step.State; return Task.FromResult(DialogTurnResult.Waiting); }),
        ]);
        var context = new ClosureBot.Protocol.Turns.TurnContext(new ClosureBot.Protocol.Activities.Activity { Type = "message", Text = "hi" });

        await new DialogSet().Add(dialog).CreateContext(context, new DialogState()).BeginDialogAsync("plain", null, CancellationToken.None);

        Assert.Equal("x\uFFFDy", seen!.Alias);
    }

    [Theory]
    [InlineData(typeof(NotSealed))]
    [InlineData(typeof(WithList))]
    [InlineData(typeof(WithNested))]
    [InlineData(typeof(WithInitializer))]
    [InlineData(typeof(WithIgnored))]
    [InlineData(typeof(WithDouble))]
    [InlineData(typeof(WithDecimal))]
    [InlineData(typeof(WithConverter))]
    [InlineData(typeof(WithComputed))]
    [InlineData(typeof(WithPrivateField))]
    [InlineData(typeof(WithCallback))]
    [InlineData(typeof(WithWriteCallback))]
    [InlineData(typeof(WithRequired))]
    public void ByFields_AStateWhoseJsonMayGiveBackSomethingElse_IsLeftToTheJson(Type type)
    {
        var byFields = typeof(StateCopyTests).GetMethod(nameof(ByFieldsOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

        Assert.False((bool)byFields.Invoke(null, null)!, $"{type.Name} was copied by fields");
    }

    [Fact]
    public void Waterfall_CopiesItsStateByFieldsOnlyWhereThatIsTheJsonsResult()
    {
        Assert.True(new WaterfallDialog<Plain>("plain", [("one", (step, ct) => Task.FromResult(DialogTurnResult.Waiting))]).CopiesStateByFields);
        Assert.False(new WaterfallDialog<WithList>("list", [("one", (step, ct) => Task.FromResult(DialogTurnResult.Waiting))]).CopiesStateByFields);
    }

    private static bool ByFieldsOf<T>() where T : class, new() => StateCopy.ByFields(Contract<T>()) is not null;

    private static JsonTypeInfo<T> Contract<T>() => (JsonTypeInfo<T>)DialogStateJson.Options.GetTypeInfo(typeof(T));
}
