using System.Text;
using ClosureBot.Protocol.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClosureBot.Protocol.Tests.Hosting;

public class ActivityReaderTests
{
    private const string Message = """{"type":"message","text":"hi","channelId":"webchat","conversation":{"id":"c1"}}""";

    private static HttpRequest Request(byte[] body, string? contentType = "application/json", bool sendLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = sendLength ? new MemoryStream(body) : new UnknownLengthStream(body);
        if (sendLength) context.Request.ContentLength = body.Length;
        return context.Request;
    }

    private static HttpRequest Request(string body, string? contentType = "application/json") => Request(Encoding.UTF8.GetBytes(body), contentType);

    // A valid activity padded with spaces to exactly `size` bytes.
    private static byte[] PaddedActivity(int size)
    {
        var json = Encoding.UTF8.GetBytes(Message);
        var body = new byte[size];
        json.CopyTo(body, 0);
        body.AsSpan(json.Length).Fill((byte)' ');
        return body;
    }

    [Fact]
    public async Task ReadAsync_ValidMessage_ReturnsActivity()
    {
        var result = await ActivityReader.ReadAsync(Request(Message), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Error);
        Assert.Equal("hi", result.Activity!.Text);
        Assert.Equal("c1", result.Activity.Conversation!.Id);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/vnd+json")]
    [InlineData("application/activity+json; charset=utf-8")]
    public async Task ReadAsync_JsonContentType_Accepted(string contentType)
    {
        var result = await ActivityReader.ReadAsync(Request(Message, contentType), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.NotNull(result.Activity);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ReadAsync_NonJsonContentType_Returns415(string? contentType)
    {
        var result = await ActivityReader.ReadAsync(Request(Message, contentType), CancellationToken.None);

        Assert.Equal(415, result.StatusCode);
        Assert.Null(result.Activity);
        Assert.Equal("UnsupportedMediaType", result.Error!.Error.Code);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json")]
    [InlineData("{\"type\":42}")]
    [InlineData("[1,2]")]
    public async Task ReadAsync_MalformedJson_Returns400MalformedJson(string body)
    {
        var result = await ActivityReader.ReadAsync(Request(body), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("MalformedJson", result.Error!.Error.Code);
        Assert.Null(result.Activity);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_Returns400()
    {
        var result = await ActivityReader.ReadAsync(Request(""), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Null(result.Activity);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task ReadAsync_JsonNull_Returns400MissingActivity()
    {
        var result = await ActivityReader.ReadAsync(Request("null"), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("MissingActivity", result.Error!.Error.Code);
    }

    [Theory]
    [InlineData("{\"text\":\"hi\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"  \"}")]
    [InlineData("{\"type\":null}")]
    public async Task ReadAsync_MissingType_Returns400MissingType(string body)
    {
        var result = await ActivityReader.ReadAsync(Request(body), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("MissingType", result.Error!.Error.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyExactly1MiB_Accepted(bool sendLength)
    {
        var body = PaddedActivity(ActivityReader.MaxBodyBytes);
        Assert.Equal(1024 * 1024, body.Length);

        var result = await ActivityReader.ReadAsync(Request(body, sendLength: sendLength), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("hi", result.Activity!.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_Body1MiBPlusOne_Returns413(bool sendLength)
    {
        var result = await ActivityReader.ReadAsync(Request(PaddedActivity(ActivityReader.MaxBodyBytes + 1), sendLength: sendLength), CancellationToken.None);

        Assert.Equal(413, result.StatusCode);
        Assert.Equal("PayloadTooLarge", result.Error!.Error.Code);
        Assert.Null(result.Activity);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthUnderstatesBody_Returns413()
    {
        var request = Request(PaddedActivity(ActivityReader.MaxBodyBytes + 10));
        request.ContentLength = 100;

        var result = await ActivityReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(413, result.StatusCode);
    }

    /// <summary>A chunked body: no length, and reads return small pieces.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7_000)], cancellationToken);
    }
}
