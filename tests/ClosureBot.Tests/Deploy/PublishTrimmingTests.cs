using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// The Docker image's publish is trimmed, and the README says only the .NET and ASP.NET Core framework loses code: every
/// package assembly the bot ships that marks itself trimmable must be kept whole (a <c>TrimmerRootAssembly</c> in
/// <c>src/ClosureBot/ClosureBot.csproj</c>), so a package added later is not trimmed unnoticed. Read from the bot's build
/// output: its <c>ClosureBot.deps.json</c> names the packages' assemblies, and each assembly says whether it is trimmable
/// (<c>[assembly: AssemblyMetadata("IsTrimmable", "True")]</c>).
/// </summary>
public sealed class PublishTrimmingTests
{
    [Fact]
    public void TrimmedPublish_KeepsEveryTrimmablePackageWhole_AndRootsNothingElse()
    {
        var trimmable = TrimmablePackageAssemblies();
        var roots = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "ClosureBot", "ClosureBot.csproj"))
            .Descendants("TrimmerRootAssembly").Select(root => (string)root.Attribute("Include")!).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("Npgsql", trimmable);
        Assert.Equal(trimmable, roots);
    }

    private static List<string> TrimmablePackageAssemblies()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var output = Path.Combine(RepoPaths.Root, "src", "ClosureBot", "bin", configuration, "net10.0");
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "ClosureBot.deps.json")))!;
        var libraries = deps["libraries"]!.AsObject();
        var target = deps["targets"]!.AsObject().Single().Value!.AsObject();
        var context = new AssemblyLoadContext("trimmable-probe", isCollectible: true);
        try
        {
            return target
                .Where(library => (string?)libraries[library.Key]?["type"] == "package")
                .SelectMany(library => library.Value?["runtime"]?.AsObject().Select(asset => Path.GetFileName(asset.Key)) ?? [])
                .Where(file => IsTrimmable(context, Path.Combine(output, file)))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool IsTrimmable(AssemblyLoadContext context, string path) =>
        context.LoadFromAssemblyPath(path).GetCustomAttributesData()
            .Any(a => a.AttributeType == typeof(AssemblyMetadataAttribute)
                      && a.ConstructorArguments is [{ Value: "IsTrimmable" }, { Value: string value }]
                      && value.Equals("True", StringComparison.OrdinalIgnoreCase));
}
