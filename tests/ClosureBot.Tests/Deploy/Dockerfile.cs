using System.Text;
using System.Text.Json;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// The instructions of <c>deploy/Dockerfile</c> that the image test runs outside Docker: the build stage's publish
/// command, and the final stage's working folder, environment, entry point and health check.
/// </summary>
public sealed class Dockerfile
{
    private Dockerfile(List<(string Instruction, string Arguments)> build, List<(string Instruction, string Arguments)> final)
    {
        Publish = build.Where(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal))
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single();
        WorkingFolder = final.Last(i => i.Instruction == "WORKDIR").Arguments;
        Environment = final.Where(i => i.Instruction == "ENV").SelectMany(i => Assignments(i.Arguments)).ToDictionary();
        EntryPoint = JsonArray(final.Single(i => i.Instruction == "ENTRYPOINT").Arguments);
        HealthCheck = JsonArray(final.Single(i => i.Instruction == "HEALTHCHECK").Arguments["CMD".Length..]);
        RuntimeImage = final[0].Arguments;
    }

    /// <summary>The build stage's <c>dotnet publish …</c>, split into words (the command holds no quoted words).</summary>
    public IReadOnlyList<string> Publish { get; }

    /// <summary>The final stage's base image (its <c>FROM</c>).</summary>
    public string RuntimeImage { get; }

    public string WorkingFolder { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IReadOnlyList<string> EntryPoint { get; }

    public IReadOnlyList<string> HealthCheck { get; }

    public static Dockerfile Load()
    {
        var stages = new List<List<(string, string)>>();
        foreach (var line in LogicalLines(File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"))))
        {
            var space = line.IndexOf(' ');
            var instruction = line[..space];
            if (instruction == "FROM") stages.Add([]);
            stages[^1].Add((instruction, line[(space + 1)..].Trim()));
        }
        return new Dockerfile(stages[0], stages[^1]);
    }

    // Comments dropped, lines ending in a backslash joined with the next.
    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                current.Append(line[..^1]).Append(' ');
                continue;
            }
            current.Append(line);
            yield return current.ToString();
            current.Clear();
        }
    }

    // KEY=value KEY2="a value with spaces"
    private static IEnumerable<KeyValuePair<string, string>> Assignments(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && text[position] == ' ') position++;
            if (position == text.Length) yield break;
            var equals = text.IndexOf('=', position);
            var key = text[position..equals];
            position = equals + 1;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var end = text.IndexOf('"', position + 1);
                value = text[(position + 1)..end];
                position = end + 1;
            }
            else
            {
                var end = text.IndexOf(' ', position);
                if (end < 0) end = text.Length;
                value = text[position..end];
                position = end;
            }
            yield return new(key, value);
        }
    }

    private static string[] JsonArray(string text) => JsonSerializer.Deserialize<string[]>(text.Trim())!;
}
