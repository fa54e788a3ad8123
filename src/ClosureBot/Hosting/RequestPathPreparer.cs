using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace ClosureBot.Hosting;

/// <summary>
/// Compiles the code of a customer's request that the start-up walk (<see cref="Offboarding.MessageTurnWarmer"/>) cannot
/// run, because only a real request reaches it: the messaging endpoint, the channel's authentication, the rate limit,
/// the store's read and its commit. It runs none of that code; it only asks the runtime to compile it
/// (<see cref="RuntimeHelpers.PrepareMethod(RuntimeMethodHandle)"/>):
/// <list type="bullet">
/// <item>every method of the given types and of the types nested in them (async state machines, closures);</item>
/// <item>the methods those call, read from their IL, <see cref="CallDepth"/> calls deep, in any assembly;</item>
/// <item>for each async state machine, the framework's plumbing made for it alone (the builder's <c>Start</c> and
/// <c>AwaitUnsafeOnCompleted</c>).</item>
/// </list>
/// Nothing is stored, sent or logged: the walk reads only the fields of the app's objects (<see cref="Reachable"/>) and
/// the methods' IL. What the runtime does not compile when asked is compiled on its first call, as without this: an
/// interface's method, a method of a generic type still open, and (seen on .NET 10, where asking
/// compiles static methods and the methods of value types such as the state machines, which hold an async method's
/// code) the instance methods of classes, among them the box that holds a suspended async method.
/// </summary>
internal static class RequestPathPreparer
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>How many calls deep the walk follows a method's callees.</summary>
    public const int CallDepth = 2;

    /// <summary>What <see cref="Prepare"/> did: methods the runtime was asked to compile, and methods it refused.</summary>
    public readonly record struct Outcome(int Prepared, int Refused);

    /// <summary>
    /// The app's own types of <paramref name="roots"/> and of what their fields hold, <paramref name="depth"/> objects
    /// deep (a store's committer, a rate limiter's table), with the app's types those fields name (a bucket of the table).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The app's own assemblies are never trimmed (ClosureBot.csproj).")]
    public static IReadOnlyCollection<Type> Reachable(IEnumerable<object> roots, int depth = 2)
    {
        var types = new HashSet<Type>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots) Visit(root, depth);
        return types;

        void Visit(object value, int level)
        {
            var type = value.GetType();
            if (!IsOwn(type) || !visited.Add(value)) return;
            types.Add(type);
            for (var t = type; t is not null && IsOwn(t); t = t.BaseType)
                foreach (var field in t.GetFields(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
                {
                    types.UnionWith(Named(field.FieldType));
                    if (level > 0 && !field.FieldType.IsValueType && field.GetValue(value) is { } held) Visit(held, level - 1);
                }
        }
    }

    /// <summary>Compiles every method of <paramref name="types"/>, of the types nested in them, and what they call.</summary>
    public static Outcome Prepare(IEnumerable<Type> types, int callDepth = CallDepth)
    {
        var walk = new Walk(callDepth);
        foreach (var type in types) walk.Type(type);
        return new Outcome(walk.Prepared, walk.Refused);
    }

    private static bool IsOwn(Type type) => type.Assembly.GetName().Name?.StartsWith("ClosureBot", StringComparison.Ordinal) == true;

    // The app's concrete types a field's declared type names: itself and its generic arguments and elements.
    private static IEnumerable<Type> Named(Type type)
    {
        if (IsOwn(type) && !type.IsInterface && !type.IsAbstract && !type.ContainsGenericParameters) yield return type;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var named in Named(argument)) yield return named;
        if (type.GetElementType() is { } element)
            foreach (var named in Named(element)) yield return named;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reads the IL of methods that exist; a member the trimmer removed is never reached.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Instantiations of methods the app calls with those arguments.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The app's own assemblies are never trimmed; framework members the trimmer removed are skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The app is not compiled ahead of time; the instantiations exist at run time.")]
    private sealed class Walk(int callDepth)
    {
        private readonly HashSet<Type> _types = [];
        // Each method by its runtime handle (one per instantiation), with the call depth it was walked with.
        private readonly Dictionary<IntPtr, int> _methods = [];

        public int Prepared { get; private set; }
        public int Refused { get; private set; }

        public void Type(Type type)
        {
            if (type.ContainsGenericParameters || !_types.Add(type)) return;
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
                Method(method, callDepth);
            foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)) Type(nested);
            if (type.IsValueType && typeof(IAsyncStateMachine).IsAssignableFrom(type)) AsyncPlumbing(type);
        }

        private void Method(MethodBase method, int depth)
        {
            if (method.IsAbstract || method.ContainsGenericParameters || method.IsConstructor && method.IsStatic
                || method.DeclaringType is null || method.DeclaringType.IsInterface) return;
            RuntimeMethodHandle handle;
            try
            {
                handle = method.MethodHandle;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return;
            }
            // A method met again with more depth left is walked again, further.
            var seen = _methods.TryGetValue(handle.Value, out var walked);
            if (seen && walked >= depth) return;
            _methods[handle.Value] = depth;
            if (!seen)
            {
                try
                {
                    RuntimeHelpers.PrepareMethod(handle);
                    Prepared++;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A method the runtime will not compile on its own: a platform callback (InvalidProgramException for an
                    // instance method marked UnmanagedCallersOnly, met in the framework), an instantiation it rejects, a
                    // member the trimmer removed. Its first call, if any, deals with it as it would have.
                    Refused++;
                    return;
                }
            }
            if (depth > 0)
                foreach (var callee in Callees(method))
                    Method(callee, depth - 1);
        }

        // The framework's code made for one state machine: its builder's Start, and AwaitUnsafeOnCompleted for each awaiter
        // it holds. (The box that holds a suspended state machine is a class; see the summary.)
        private void AsyncPlumbing(Type stateMachine)
        {
            var fields = stateMachine.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            if (fields.FirstOrDefault(f => f.Name == "<>t__builder")?.FieldType is not { } builder) return;
            if (builder.GetMethod("Start") is { IsGenericMethodDefinition: true } start)
                Method(start.MakeGenericMethod(stateMachine), 0);
            if (builder.GetMethod("AwaitUnsafeOnCompleted") is { IsGenericMethodDefinition: true } await)
                foreach (var awaiter in fields.Where(f => f.Name.StartsWith("<>u__", StringComparison.Ordinal)).Select(f => f.FieldType).Distinct())
                    if (typeof(ICriticalNotifyCompletion).IsAssignableFrom(awaiter))
                        Method(await.MakeGenericMethod(awaiter, stateMachine), 0);
        }

        // The methods a method's IL calls, creates or takes the address of, as far as its module can name them.
        private static IEnumerable<MethodBase> Callees(MethodBase method)
        {
            byte[]? il;
            try
            {
                il = method.GetMethodBody()?.GetILAsByteArray();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                yield break;
            }
            if (il is null) yield break;
            var typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            foreach (var token in CallTokens(il))
            {
                MethodBase? callee;
                try
                {
                    callee = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    continue; // a token of a generic context it cannot close, or of an assembly the trimmer left out
                }
                if (callee is not null) yield return callee;
            }
        }
    }

    /// <summary>The metadata tokens of the methods an IL body calls (<c>call</c>, <c>callvirt</c>, <c>newobj</c>, <c>ldftn</c>, <c>ldvirtftn</c>).</summary>
    internal static IEnumerable<int> CallTokens(byte[] il) =>
        MemberTokens(il).Where(operand => operand.Kind == OperandType.InlineMethod).Select(operand => operand.Token);

    /// <summary>
    /// The metadata tokens of the members an IL body names, with the kind of operand: the methods it calls, creates or
    /// takes the address of (<see cref="OperandType.InlineMethod"/>), the fields it reads or writes
    /// (<see cref="OperandType.InlineField"/>), the types it creates, casts to or loads (<see cref="OperandType.InlineType"/>,
    /// <see cref="OperandType.InlineTok"/>). The reading stops, without throwing, at an opcode it does not know or an
    /// operand the body cannot hold.
    /// </summary>
    internal static IEnumerable<(OperandType Kind, int Token)> MemberTokens(byte[] il)
    {
        for (var at = 0; at < il.Length;)
        {
            OpCode opcode;
            if (il[at] == 0xFE)
            {
                if (at + 1 >= il.Length || TwoByte[il[at + 1]] is not { } two) yield break;
                opcode = two;
                at += 2;
            }
            else
            {
                if (OneByte[il[at]] is not { } one) yield break;
                opcode = one;
                at += 1;
            }
            var operand = OperandSize(opcode.OperandType, il, at);
            if (operand < 0 || operand > il.Length - at) yield break;
            if (opcode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
                yield return (opcode.OperandType, BitConverter.ToInt32(il, at));
            at += operand;
        }
    }

    // The operand's length in bytes, or -1 when it cannot fit in the body (a switch's table is counted in 64 bits: an
    // unsigned count of up to 2^32 - 1 targets must not wrap to a small length and let the reading go on mid-table).
    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => il.Length - at >= 4 && 4 + 4L * BitConverter.ToUInt32(il, at) is var table && table <= il.Length - at
            ? (int)table : -1,
        _ => 4,
    };

    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "OpCodes' public static fields are part of the framework's surface.")]
    static RequestPathPreparer()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opcode) continue;
            var value = (ushort)opcode.Value;
            if (opcode.Size == 1) OneByte[value] = opcode;
            else if (value >> 8 == 0xFE) TwoByte[value & 0xFF] = opcode;
        }
    }
}
