using System.Text;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Protocol.Tests.Serialization;

public sealed class ThreadJsonWriterTests
{
    [Fact]
    public void Write_WithTheAppsEncoder_AndAgainFromTheStart()
    {
        Assert.Equal("{\"text\":\"Zürich <b> & \\\"Ja\\\"\"}", Encoding.UTF8.GetString(ThreadJsonWriter.Write("Zürich <b> & \"Ja\"", (w, text) =>
        {
            w.WriteStartObject();
            w.WriteString("text", text);
            w.WriteEndObject();
        })));
        Assert.Equal("[1]", Encoding.UTF8.GetString(ThreadJsonWriter.Write(1, (w, n) => { w.WriteStartArray(); w.WriteNumberValue(n); w.WriteEndArray(); })));
    }

    [Fact]
    public void Write_WithinAWrite_GetsAWriterOfItsOwn()
    {
        var written = Encoding.UTF8.GetString(ThreadJsonWriter.Write("outer", (w, name) =>
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            var inner = ThreadJsonWriter.Write("inner", (w2, n) => { w2.WriteStartObject(); w2.WriteString("name", n); w2.WriteEndObject(); }).ToArray();
            w.WritePropertyName("inner");
            w.WriteRawValue(inner);
            w.WriteEndObject();
        }));

        Assert.Equal("{\"name\":\"outer\",\"inner\":{\"name\":\"inner\"}}", written);
        Assert.Equal("[]", Encoding.UTF8.GetString(ThreadJsonWriter.Write(0, (w, _) => { w.WriteStartArray(); w.WriteEndArray(); })));
    }
}
