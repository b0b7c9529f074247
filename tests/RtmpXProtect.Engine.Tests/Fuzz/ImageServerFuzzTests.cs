using System;
using System.Collections.Generic;
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
        int errors = 0, messages = 0, largestHeld = 0;

        for (var seed = FirstSeed; seed < FirstSeed + Iterations; seed++)
        {
            var random = new Random(seed);
            var input = Mutator.Mutate(corpora[random.Next(corpora.Length)], corpora[random.Next(corpora.Length)], random);
            var reader = new ImageServerReader(limits);
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
            catch (ImageServerProtocolException)
            {
                errors++;
            }
            catch (Exception e)
            {
                throw new FuzzFailure(seed, e);
            }
        }

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
