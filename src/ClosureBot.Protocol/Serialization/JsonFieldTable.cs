using System.Text;
using System.Text.Json;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// The JSON property names of one type read by hand (<see cref="ActivityJson"/>), from the names of an enum whose members
/// are the type's properties in its order: each name is the camelCase of the member's, as the protocol's options name
/// them. Member 0 stands for a property the type does not name (its extension data).
/// </summary>
internal sealed class JsonFieldTable
{
    private readonly byte[][] _names;
    private readonly int[][] _byLength;
    private readonly HashSet<string> _ignoringCase;

    private JsonFieldTable(string[] members)
    {
        _names = [.. members.Select((member, i) => i == 0 ? [] : Encoding.UTF8.GetBytes(JsonNamingPolicy.CamelCase.ConvertName(member)))];
        _byLength = new int[_names.Max(n => n.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
            _byLength[length] = [.. Enumerable.Range(1, _names.Length - 1).Where(i => _names[i].Length == length)];
        _ignoringCase = new HashSet<string>(_names.Skip(1).Select(n => Encoding.UTF8.GetString(n)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The table for the members of <typeparamref name="TField"/>.</summary>
    public static JsonFieldTable Of<TField>() where TField : struct, Enum => new(Enum.GetNames<TField>());

    /// <summary>
    /// The member the property name at <paramref name="reader"/> is, written exactly as its name; 0 for a name that matches
    /// none, even ignoring case (then with the name as read); -1 for a name only the options may match (escaped, or in
    /// other casing, which they accept).
    /// </summary>
    public int Match(ref Utf8JsonReader reader, out string? name)
    {
        name = null;
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            if (span.Length < _byLength.Length)
            {
                foreach (var index in _byLength[span.Length])
                {
                    if (span.SequenceEqual(_names[index])) return index;
                }
            }
        }
        name = reader.GetString()!;
        return _ignoringCase.Contains(name) ? -1 : 0;
    }
}
