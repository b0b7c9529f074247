using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>What mutated streams did to a framing reader: messages read, protocol errors, and the most bytes it held back.</summary>
public sealed record ReaderFuzzResult(int Messages, int Errors, int LargestHeld);

/// <summary>
/// Mutated streams through a sans-IO framing reader, offered in random read sizes as a socket
/// would: every input must end in messages, a wait for more, or the reader's protocol error;
/// any other exception fails with the seed that reproduces it.
/// </summary>
public static class ReaderFuzzer
{
    /// <summary>
    /// Runs <paramref name="iterations"/> seeds from <paramref name="firstSeed"/>. <paramref name="newReader"/>
    /// gives a function that reads the first message of the bytes held: whether it read one, and how
    /// many bytes it consumed.
    /// </summary>
    public static ReaderFuzzResult Run<TProtocolError>(byte[][] corpora, int iterations, int firstSeed, Func<Func<byte[], (bool Read, int Consumed)>> newReader)
        where TProtocolError : Exception
    {
        int errors = 0, messages = 0, largestHeld = 0;
        for (var seed = firstSeed; seed < firstSeed + iterations; seed++)
        {
            var random = new Random(seed);
            var input = Mutator.Mutate(corpora[random.Next(corpora.Length)], corpora[random.Next(corpora.Length)], random);
            var read = newReader();
            var held = new List<byte>();
            try
            {
                int offset = 0;
                while (offset < input.Length)
                {
                    int chunk = Math.Min(input.Length - offset, 1 + random.Next(700));
                    held.AddRange(input.Skip(offset).Take(chunk));
                    offset += chunk;
                    while (true)
                    {
                        var (message, consumed) = read(held.ToArray());
                        if (!message && consumed == 0)
                        {
                            break;
                        }

                        held.RemoveRange(0, consumed);
                        messages += message ? 1 : 0;
                    }

                    largestHeld = Math.Max(largestHeld, held.Count);
                }
            }
            catch (TProtocolError)
            {
                errors++;
            }
            catch (Exception e)
            {
                throw new FuzzFailure(seed, e);
            }
        }

        return new ReaderFuzzResult(messages, errors, largestHeld);
    }
}
