using System;
using System.Collections.Generic;
using System.Linq;
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
        int errors = 0, messages = 0, largestHeld = 0;

        for (var seed = FirstSeed; seed < FirstSeed + Iterations; seed++)
        {
            var random = new Random(seed);
            var input = Mutator.Mutate(corpora[random.Next(corpora.Length)], corpora[random.Next(corpora.Length)], random);
            var reader = new RtspReader(limits);
            var held = new List<byte>();
            try
            {
                int offset = 0;
                while (offset < input.Length)
                {
                    int read = Math.Min(input.Length - offset, 1 + random.Next(700));
                    held.AddRange(input.Skip(offset).Take(read));
                    offset += read;
                    while (reader.TryRead(held.ToArray(), out var message, out var consumed) || consumed > 0)
                    {
                        held.RemoveRange(0, consumed);
                        messages += message == null ? 0 : 1;
                    }

                    largestHeld = Math.Max(largestHeld, held.Count);
                }
            }
            catch (RtspProtocolException)
            {
                errors++;
            }
            catch (Exception e)
            {
                throw new FuzzFailure(seed, e);
            }
        }

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
