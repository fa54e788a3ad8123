using System.Reflection;
using ClosureBot.Hosting;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// The app's feature folders, and those of its protocol and dialog libraries, depend on each other without cycles
/// (STYLE.md: a folder depends on ports, not on its neighbour's internals). Read from the compiled assemblies, so every
/// kind of use counts: base types and interfaces, fields, signatures, locals, and the types, methods and fields a method
/// body names. A folder's namespace and the namespaces of its own subfolders are one feature: <c>Storage</c> registering
/// <c>Storage.Postgres</c> is not a cycle, and a cycle through a subfolder is a cycle of its folder.
/// </summary>
public sealed class FolderDependencyTests
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Theory]
    [InlineData("ClosureBot")]
    [InlineData("ClosureBot.Protocol")]
    [InlineData("ClosureBot.Dialogs")]
    public void TheFolders_DependOnEachOther_WithoutCycles(string project)
    {
        var graph = Graph(Assembly.Load(project), project);
        var cycles = StronglyConnected(graph.Keys, n => graph[n].Keys).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(cycle => "A cycle between " + string.Join(", ", cycle.Order()) + ":\n" +
            string.Join("\n", from source in cycle.Order()
                              from edge in graph[source]
                              where cycle.Contains(edge.Key)
                              select $"  {source} -> {edge.Key} ({string.Join(", ", edge.Value.Order().Take(4))})"))));
    }

    [Fact]
    public void TheGraph_SeesACycleMadeThroughAMethodBodyAlone()
    {
        // The reader must not miss a use that appears only inside a body (a static call, a new object): such a use makes a
        // folder depend on another as much as a field does.
        var graph = Graph(typeof(FolderDependencyTests).Assembly, "ClosureBot.Tests.Hosting.FolderFixture");

        Assert.Contains("ClosureBot.Tests.Hosting.FolderFixture.B", graph["ClosureBot.Tests.Hosting.FolderFixture.A"].Keys);
        Assert.Contains("ClosureBot.Tests.Hosting.FolderFixture.A", graph["ClosureBot.Tests.Hosting.FolderFixture.B"].Keys);
        Assert.Contains(StronglyConnected(graph.Keys, n => graph[n].Keys), c => c.SetEquals(["ClosureBot.Tests.Hosting.FolderFixture.A",
            "ClosureBot.Tests.Hosting.FolderFixture.B"]));
    }

    [Fact]
    public void TheGraph_SeesACycleThroughASubfolder_AsACycleOfItsFolder()
    {
        var graph = Graph(typeof(FolderDependencyTests).Assembly, "ClosureBot.Tests.Hosting.FolderFixture");

        Assert.Contains(StronglyConnected(graph.Keys, n => graph[n].Keys), c => c.SetEquals(["ClosureBot.Tests.Hosting.FolderFixture.C",
            "ClosureBot.Tests.Hosting.FolderFixture.D"]));
    }

    /// <summary>Each namespace of <paramref name="assembly"/> under <paramref name="root"/>, with the namespaces it uses and the types that use them.</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> Graph(Assembly assembly, string root = "ClosureBot")
    {
        var graph = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (owner.Namespace is not { } from || !Within(from, root)) continue;
            graph.TryAdd(from, []);
            foreach (var used in Uses(type))
            {
                if (used.Assembly != assembly || Outermost(used).Namespace is not { } to || !Within(to, root) || Related(from, to)) continue;
                // A folder uses what its subfolders use, and is used where they are: Storage.Postgres implementing a
                // port of Channels.Teams makes Storage depend on Channels and on Channels.Teams.
                foreach (var source in SelfAndParents(from, root))
                    foreach (var target in SelfAndParents(to, root))
                    {
                        if (Related(source, target)) continue;
                        var edges = graph.TryGetValue(source, out var e) ? e : graph[source] = [];
                        (edges.TryGetValue(target, out var by) ? by : edges[target] = []).Add(owner.Name);
                    }
            }
        }
        foreach (var to in graph.Values.SelectMany(u => u.Keys).ToList()) graph.TryAdd(to, []);
        return graph;
    }

    // A namespace and the namespaces of the folders it sits in, below the project's own.
    private static IEnumerable<string> SelfAndParents(string ns, string root)
    {
        for (var at = ns; at.Length > root.Length; at = at[..at.LastIndexOf('.')]) yield return at;
    }

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    // A folder and its own subfolders are one feature.
    private static bool Related(string a, string b) => a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);

    // A nested type (a closure, an async method's state machine) belongs to the folder of the type it is written in.
    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<Type> Uses(Type type)
    {
        var uses = new List<Type>();
        if (type.BaseType is { } b) uses.Add(b);
        uses.AddRange(type.GetInterfaces());
        uses.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        uses.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo m) uses.Add(m.ReturnType);
            uses.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method.GetMethodBody() is not { } body) continue;
            uses.AddRange(body.LocalVariables.Select(l => l.LocalType));
            uses.AddRange(BodyUses(method, body.GetILAsByteArray() ?? []));
        }
        return uses.SelectMany(Named).Distinct();
    }

    // The types a body names: those of the methods it calls, the fields it reads and the types it creates, casts to or loads.
    private static IEnumerable<Type> BodyUses(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (_, token) in RequestPathPreparer.MemberTokens(il))
        {
            MemberInfo? member;
            try
            {
                member = method.Module.ResolveMember(token, typeArguments, methodArguments);
            }
            catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
            {
                continue;
            }
            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case MethodBase callee:
                    if (callee.DeclaringType is { } owner) yield return owner;
                    if (callee is MethodInfo { IsGenericMethod: true } generic)
                        foreach (var argument in generic.GetGenericArguments()) yield return argument;
                    break;
                case FieldInfo field:
                    if (field.DeclaringType is { } holder) yield return holder;
                    yield return field.FieldType;
                    break;
            }
        }
    }

    // A type and the types it is made of (generic arguments, elements).
    private static IEnumerable<Type> Named(Type type)
    {
        if (type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var element in Named(type.GetElementType()!)) yield return element;
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var named in Named(argument)) yield return named;
    }

    // Tarjan's strongly connected components.
    private static List<HashSet<string>> StronglyConnected(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<HashSet<string>>();
        foreach (var node in nodes.Order().ToList())
            if (!index.ContainsKey(node)) Visit(node);
        return components;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next(node).Order())
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }
            if (low[node] != index[node]) return;
            var component = new HashSet<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            } while (popped != node);
            components.Add(component);
        }
    }
}
