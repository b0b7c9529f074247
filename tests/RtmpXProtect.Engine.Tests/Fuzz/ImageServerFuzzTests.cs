using System;
using System.Linq;
using RtmpXProtect.Engine.Tests.XProtect.ImageServer;
using RtmpXProtect.Engine.XProtect.ImageServer;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// Mutated recorder streams through the ImageServer reader, offered in random read sizes as a
/// socket would: every input ends in messages, a wait for more, or a protocol error, never any
/// other exception, and the bytes the reader holds back stay within its limits.
/// </summary>
public sealed class ImageServerFuzzTests
{
    private const int Iterations = 5000;
    private const int FirstSeed = 2_000_001;

    private readonly ITestOutputHelper _output;

    public ImageServerFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Five_thousand_mutated_recorder_streams_end_in_messages_or_a_protocol_error_only()
    {
        var corpora = Corpora();
        var limits = new ImageServerLimits { MaxPartBytes = 64 * 1024, MaxReplyBytes = 256 * 1024, MaxXmlBytes = 4096, MaxHeaderBytes = 512 };
        var (messages, errors, largestHeld) = ReaderFuzzer.Run<ImageServerProtocolException>(corpora, Iterations, FirstSeed, () =>
        {
            var reader = new ImageServerReader(limits);
            return held => (reader.TryRead(held, out var message, out var consumed) && message != null, consumed);
        });
        _output.WriteLine($"{Iterations} streams: {messages} messages, {errors} protocol errors, at most {largestHeld} bytes held");
        Assert.True(errors > Iterations / 10, "mutations are refused");
        Assert.True(messages > Iterations / 2, "mutations leave messages before them readable");
        Assert.InRange(largestHeld, 0, limits.MaxReplyBytes + limits.MaxPartBytes + 4096);
    }

    private static byte[][] Corpora()
    {
        var picture = Enumerable.Range(0, 900).Select(i => (byte)(i * 7)).ToArray();
        return new[]
        {
            ImageServerBytes.Concat(ImageServerBytes.Connected(1), ImageServerBytes.Image(picture), ImageServerBytes.LiveStatus(0), ImageServerBytes.Image(picture)),
            ImageServerBytes.Concat(ImageServerBytes.Multipart(new[] { picture, picture.Take(100).ToArray(), picture }), ImageServerBytes.Multipart(new[] { picture })),
            ImageServerBytes.Concat(ImageServerBytes.LiveStatus(1), ImageServerBytes.Xml("<methodresponse><requestid>2</requestid><errorreason>No data</errorreason></methodresponse>"), ImageServerBytes.Image(Array.Empty<byte>())),
        };
    }
}
