using System.Diagnostics;

namespace ClosureBot.LoadTest.Tests;

public sealed class GeneratorSocketsTests
{
    [Fact]
    public void Apply_WhenTheOperatorSetNothing_SwitchesInlineCompletionsOn()
    {
        var environment = new Dictionary<string, string?>();

        var setHere = GeneratorSockets.Apply(environment.GetValueOrDefault, (name, value) => environment[name] = value);

        Assert.True(setHere);
        Assert.Equal("1", environment[GeneratorSockets.Variable]);
    }

    [Fact]
    public void Apply_WhenTheOperatorSetIt_KeepsTheOperatorsValue()
    {
        var environment = new Dictionary<string, string?> { [GeneratorSockets.Variable] = "0" };

        var setHere = GeneratorSockets.Apply(environment.GetValueOrDefault, (name, value) => environment[name] = value);

        Assert.False(setHere);
        Assert.Equal("0", environment[GeneratorSockets.Variable]);
    }

    [Fact]
    public void KeepFrom_AChildOfAGeneratorThatSetIt_DoesNotInheritIt_ButTheOperatorsValueIsPassedOn()
    {
        // A bot started with --bot-arg Hosting:InlineSocketCompletions=false must not have the generator's switch turn
        // it back on: the runtime variable wins over the bot's setting.
        var child = new ProcessStartInfo("dotnet");
        child.Environment[GeneratorSockets.Variable] = "1";
        GeneratorSockets.KeepFrom(child, setHere: true);
        Assert.False(child.Environment.ContainsKey(GeneratorSockets.Variable));

        var operators = new ProcessStartInfo("dotnet");
        operators.Environment[GeneratorSockets.Variable] = "0";
        GeneratorSockets.KeepFrom(operators, setHere: false);
        Assert.Equal("0", operators.Environment[GeneratorSockets.Variable]);
    }
}
