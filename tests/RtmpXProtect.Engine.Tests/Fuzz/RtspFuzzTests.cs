using System;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Tests.Rtsp;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// Mutated RTSP conversations through the reader, offered in random read sizes as a socket
/// would: every input ends in messages, a wait for more, or a protocol error, never any other
/// exception, and the bytes the reader holds back stay within its limits.
/// </summary>
public sealed class RtspFuzzTests
{
    private const int Iterations = 5000;
    private const int FirstSeed = 3_000_001;

    private readonly ITestOutputHelper _output;

    public RtspFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Five_thousand_mutated_rtsp_conversations_end_in_messages_or_a_protocol_error_only()
    {
        var corpora = Corpora();
        var limits = new RtspLimits { MaxHeaderBytes = 1024, MaxHeaders = 16, MaxBodyBytes = 4096 };
        var (messages, errors, largestHeld) = ReaderFuzzer.Run<RtspProtocolException>(corpora, Iterations, FirstSeed, () =>
        {
            var reader = new RtspReader(limits);
            return held => (reader.TryRead(held, out var message, out var consumed) && message != null, consumed);
        });
        _output.WriteLine($"{Iterations} conversations: {messages} messages, {errors} protocol errors, at most {largestHeld} bytes held");
        Assert.True(errors > Iterations / 10, "mutations are refused");
        Assert.True(messages > Iterations / 2, "mutations leave messages before them readable");

        // A header block, a body, and an interleaved frame's 64 KiB (bounded by its 16-bit length) at most, plus one read.
        Assert.InRange(largestHeld, 0, limits.MaxHeaderBytes + limits.MaxBodyBytes + 4 + 65535 + 700);
    }

    private static byte[][] Corpora() => new[]
    {
        RtspBytes.Concat(RtspBytes.Ascii(RtspBytes.Describe), RtspBytes.Ascii(RtspBytes.DescribeAnswer), RtspBytes.Ascii(RtspBytes.Setup)),
        RtspBytes.Concat(RtspBytes.Interleaved(0, 1200), RtspBytes.Interleaved(1, 28), RtspBytes.Ascii("GET_PARAMETER rtsp://h/live/a RTSP/1.0\r\nCSeq: 9\r\nSession: 1\r\n\r\n"), RtspBytes.Interleaved(0, 900)),
        RtspBytes.Ascii("ANNOUNCE rtsp://h/live/a RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: " + RtspBytes.Sdp.Length + "\r\n\r\n" + RtspBytes.Sdp + "RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Digest realm=\"rtmpx\", nonce=\"abc\"\r\n\r\n"),
    };
}
