using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// Seeded byte-level mutations of recorded sessions: the same seed gives the same input, so a
/// failure seed printed by a run reproduces it exactly.
/// </summary>
public static class Mutator
{
    private static readonly byte[] Interesting = { 0x00, 0xFF, 0x7F, 0x80 };

    /// <summary>One to eight mutations of <paramref name="input"/>, sometimes spliced with <paramref name="other"/>.</summary>
    public static byte[] Mutate(byte[] input, byte[] other, Random random)
    {
        var bytes = new List<byte>(input);
        var count = 1 + random.Next(8);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, length);
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 4:
                    var junk = new byte[length];
                    random.NextBytes(junk);
                    bytes.InsertRange(at, junk);
                    break;
                case 5:
                    // Splice: this session's head, the other's tail (the other is often the other role).
                    var from = random.Next(other.Length);
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(new ArraySegment<byte>(other, from, Math.Min(other.Length - from, 4096)));
                    break;
                default:
                    // Length-field boost: a 24-bit big-endian field (message length, timestamp) set high.
                    if (at + 3 <= bytes.Count)
                    {
                        bytes[at] = 0xFF;
                        bytes[at + 1] = (byte)random.Next(256);
                        bytes[at + 2] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }
}
