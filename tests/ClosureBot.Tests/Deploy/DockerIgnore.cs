using System.Text;
using System.Text.RegularExpressions;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// The Dockerfile's ignore file (<c>deploy/Dockerfile.dockerignore</c>), matched as Docker matches it: each line a pattern
/// over the path from the build context's root (a leading <c>/</c> and trailing <c>/</c> dropped), <c>*</c> and <c>?</c>
/// within one path segment, <c>**</c> across any number of segments, and a path excluded when it or any folder above it
/// matches. Exceptions (<c>!pattern</c>) are refused rather than half-read: the file has none.
/// </summary>
public sealed class DockerIgnore
{
    private readonly Regex[] _patterns;

    private DockerIgnore(Regex[] patterns) => _patterns = patterns;

    public static DockerIgnore Read(string path)
    {
        var patterns = new List<Regex>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('!')) throw new NotSupportedException($"Exception patterns are not read here: {line}");
            patterns.Add(Compile(line.Trim('/')));
        }
        return new DockerIgnore([.. patterns]);
    }

    /// <summary>Whether <paramref name="path"/> (relative, with <c>/</c>) stays out of the build context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            var prefix = string.Join('/', segments.Take(length));
            if (_patterns.Any(p => p.IsMatch(prefix))) return true;
        }
        return false;
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/') { regex.Append("(.*/)?"); i++; }
                else regex.Append(".*");
            }
            else if (pattern[i] == '*') regex.Append("[^/]*");
            else if (pattern[i] == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(pattern[i].ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
