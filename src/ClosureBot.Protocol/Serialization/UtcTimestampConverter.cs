using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// Writes a UTC protocol time (<c>timestamp</c>, <c>expiration</c>) with an explicit <c>Z</c>, as the Activity spec
/// requires (A2043) and the SDKs emit; the default writer would turn <c>…Z</c> into <c>…+00:00</c>.
/// Reads any ISO 8601 time.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
