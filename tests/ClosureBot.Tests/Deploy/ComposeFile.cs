using ClosureBot.Tests.Cards;
using YamlDotNet.RepresentationModel;

namespace ClosureBot.Tests.Deploy;

/// <summary><c>deploy/compose.yaml</c> parsed with YamlDotNet (anchors and aliases resolved, as Docker Compose reads them).</summary>
public sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root) => Root = root;

    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "deploy", "compose.yaml");

    public YamlMappingNode Root { get; }

    public YamlMappingNode Services => (YamlMappingNode)Root["services"];

    public static ComposeFile Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path);
        stream.Load(reader);
        return new ComposeFile((YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    /// <summary>The files a service mounts: host path (resolved against <c>deploy/</c>) → container path.</summary>
    public IReadOnlyDictionary<string, string> Mounts(string service) =>
        ((YamlSequenceNode)Service(service)["volumes"]).Select(v => ((YamlScalarNode)v).Value!.Split(':'))
            .Where(parts => parts[0].StartsWith('.'))
            .ToDictionary(parts => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "deploy", parts[0])), parts => parts[1]);

    /// <summary>The health check command of a service (its <c>test</c> list after <c>CMD</c>).</summary>
    public IReadOnlyList<string> HealthCheck(string service)
    {
        var test = ((YamlSequenceNode)((YamlMappingNode)Service(service)["healthcheck"])["test"]).Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal("CMD", test[0]);
        return test.Skip(1).ToList();
    }

    /// <summary>
    /// A service's environment as compose passes it: <c>${NAME:-default}</c> and <c>${NAME:?message}</c> replaced from
    /// <paramref name="shell"/> (a required one missing fails the test, as compose refuses to start).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> shell) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => Interpolation().Replace(((YamlScalarNode)e.Value).Value ?? "", m =>
            {
                var value = shell.GetValueOrDefault(m.Groups["name"].Value);
                if (m.Groups["kind"].Value == "?")
                    return value is { Length: > 0 } ? value : throw new InvalidOperationException($"compose requires {m.Groups["name"].Value}: {m.Groups["rest"].Value}");
                return value is { Length: > 0 } ? value : m.Groups["rest"].Value;
            }));

    public static string? Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return (node as YamlScalarNode)?.Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{(?<name>\w+)(?::(?<kind>[-?])(?<rest>[^}]*))?\}")]
    private static partial System.Text.RegularExpressions.Regex Interpolation();
}
