using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using ClosureBot.Hosting;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Hosting;

public class RequestPathPreparerTests
{
    [Fact]
    public void CallTokens_OfAMethodsIl_NameEveryMethodItCallsCreatesOrTakes()
    {
        var method = typeof(RequestPathPreparerTests).GetMethod(nameof(Calls), BindingFlags.NonPublic | BindingFlags.Static)!;

        var callees = RequestPathPreparer.CallTokens(method.GetMethodBody()!.GetILAsByteArray()!)
            .Select(token => method.Module.ResolveMethod(token)!)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Contains("Math.Max", callees);
        Assert.Contains("String.Concat", callees);
        Assert.Contains("List`1..ctor", callees);
        Assert.Contains("Object.ToString", callees); // callvirt
        Assert.Contains("RequestPathPreparerTests.Switch", callees); // after a switch table, wide constants and a string
        Assert.Contains("RequestPathPreparerTests.Target", callees); // ldftn, for a delegate
    }

    [Fact]
    public void CallTokens_OfCutOrUnknownIl_StopWithoutThrowing()
    {
        var il = typeof(RequestPathPreparerTests).GetMethod(nameof(Calls), BindingFlags.NonPublic | BindingFlags.Static)!.GetMethodBody()!.GetILAsByteArray()!;

        for (var length = 0; length < il.Length; length++)
            _ = RequestPathPreparer.CallTokens(il[..length]).ToList();
        Assert.Empty(RequestPathPreparer.CallTokens([0x24])); // no such opcode
        Assert.Empty(RequestPathPreparer.CallTokens([0xFE, 0xFF])); // nor this two-byte one
        Assert.Empty(RequestPathPreparer.CallTokens([0x45, 0xFF, 0xFF, 0xFF, 0x7F])); // a switch longer than the body
    }

    [Theory]
    [InlineData(0x40000000u)] // 4 + 4 × count wraps to 4 in 32 bits
    [InlineData(0xFFFFFFFFu)] // and this one to 0
    [InlineData(0x7FFFFFFFu)]
    public void CallTokens_ASwitchWhoseTableOverrunsTheBody_EndsTheReadingThere(uint count)
    {
        // A switch claiming more targets than the body holds, then what would read as a call: nothing after the bad switch
        // may be taken for code.
        var il = new byte[] { 0x45, 0, 0, 0, 0, 0x28, 0x01, 0x00, 0x00, 0x0A, 0x2A };
        BitConverter.GetBytes(count).CopyTo(il, 1);

        Assert.Empty(RequestPathPreparer.CallTokens(il));
    }

    [Fact]
    public async Task Prepare_ThenTheFirstCall_CompilesNothingOnTheCallersThread()
    {
        // Two identical async methods: the prepared one's first call compiles nothing on this thread, its twin's does
        // (which shows the count sees a first call's compiling).
        var outcome = RequestPathPreparer.Prepare([typeof(Prepared)]);
        Assert.True(outcome.Prepared >= 3, $"{outcome.Prepared} prepared"); // the method, its state machine's MoveNext, the builder's Start for it

        var before = JitInfo.GetCompiledMethodCount(currentThread: true);
        var prepared = await Prepared.AddAsync(2, 3);
        var afterPrepared = JitInfo.GetCompiledMethodCount(currentThread: true);
        var twin = await Twin.AddAsync(2, 3);
        var afterTwin = JitInfo.GetCompiledMethodCount(currentThread: true);

        Assert.Equal((5, 5), (prepared, twin));
        Assert.Equal(0, afterPrepared - before);
        Assert.True(afterTwin - afterPrepared >= 2, $"the twin's first call compiled {afterTwin - afterPrepared} methods");
    }

    [Fact]
    public void Prepare_MethodsTheRuntimeRefuses_AreCountedAndTheWalkGoesOn()
    {
        // A delegate's BeginInvoke and EndInvoke cannot be compiled here (PlatformNotSupportedException); the next type still is.
        var outcome = RequestPathPreparer.Prepare([typeof(Action), typeof(Prepared)], callDepth: 0);

        Assert.Equal(2, outcome.Refused);
        Assert.True(outcome.Prepared >= 3, $"{outcome.Prepared} prepared");
    }

    [Fact]
    public void Prepare_TypesItCannotCompile_AreLeftAloneAndNothingThrows()
    {
        // An open generic type and an interface have nothing to compile: not asked for, and so not refused either.
        var nothing = RequestPathPreparer.Prepare([typeof(List<>), typeof(IAsyncDisposable), typeof(Dictionary<,>.Enumerator)]);
        // Beside compilable types, they change nothing of what those give.
        var alone = RequestPathPreparer.Prepare([typeof(Dictionary<string, int>)], callDepth: 0);
        var mixed = RequestPathPreparer.Prepare([typeof(List<>), typeof(IAsyncDisposable), typeof(Dictionary<string, int>)], callDepth: 0);

        Assert.Equal(new RequestPathPreparer.Outcome(0, 0), nothing);
        Assert.True(alone.Prepared > 0);
        Assert.Equal(alone, mixed);
    }

    [Fact]
    public async Task Reachable_FromTheAppsStore_FindsItsCommitterCacheAndStatementsOwner()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient(); // starts the app
        var store = app.Services.GetRequiredService<IBotStore>();
        var authenticator = app.Services.GetRequiredService<IChannelAuthenticator>();

        var types = RequestPathPreparer.Reachable([store, authenticator]);

        Assert.Contains(typeof(SqliteBotStore), types);
        Assert.Contains(typeof(SqliteGroupCommitter), types);
        Assert.Contains(typeof(ConversationCache), types);
        Assert.Contains(authenticator.GetType(), types);
        Assert.DoesNotContain(types, t => !t.Assembly.GetName().Name!.StartsWith("ClosureBot", StringComparison.Ordinal));
    }

    private static string Calls(object value, int choice)
    {
        var list = new List<int> { Math.Max(choice, 3) };
        var text = Switch(choice, 1L << 40, 2.5, "a literal");
        Func<int, int> target = Target;
        return string.Concat(value.ToString(), text, list.Count.ToString(), target(1).ToString());
    }

    private static string Switch(int choice, long wide, double real, string literal) => choice switch
    {
        0 => "zero",
        1 => wide.ToString(),
        2 => real.ToString(),
        3 => literal,
        _ => "other",
    };

    private static int Target(int x) => x + 1;

    private static class Prepared
    {
        public static async Task<int> AddAsync(int a, int b)
        {
            await Task.CompletedTask;
            return a + b;
        }
    }

    private static class Twin
    {
        public static async Task<int> AddAsync(int a, int b)
        {
            await Task.CompletedTask;
            return a + b;
        }
    }
}
