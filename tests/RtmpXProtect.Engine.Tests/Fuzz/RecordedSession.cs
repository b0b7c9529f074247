using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// A corpus file (records of a 4-byte big-endian length and the bytes of one client read, see
/// tests/RtmpXProtect.Interop.Tests/Security/Corpus/README.md) as one byte string plus where the reads
/// ended: replays split there, since a server only handles what follows connect once it accepted it.
/// </summary>
public sealed class RecordedSession
{
    private RecordedSession(byte[] bytes, int[] readEnds)
    {
        Bytes = bytes;
        ReadEnds = readEnds;
    }

    public byte[] Bytes { get; }

    /// <summary>Offsets in <see cref="Bytes"/> where a recorded read ended, ascending.</summary>
    public int[] ReadEnds { get; }

    /// <summary>
    /// Splits a (mutated) replay into reads: they end where the recording's did (a mutation that moved
    /// bytes shifts what falls where, as it would on the wire) and are split further at random, since
    /// the decoders must not care where TCP splits.
    /// </summary>
    public static List<byte[]> Reads(byte[] input, int[] readEnds, Random random)
    {
        var reads = new List<byte[]>();
        var at = 0;
        var nextEnd = 0;
        while (at < input.Length)
        {
            while (nextEnd < readEnds.Length && readEnds[nextEnd] <= at)
            {
                nextEnd++;
            }

            var limit = nextEnd < readEnds.Length ? Math.Min(readEnds[nextEnd], input.Length) : input.Length;
            var read = Math.Min(limit - at, 1 + random.Next(4096));
            reads.Add(new ArraySegment<byte>(input, at, read).ToArray());
            at += read;
        }

        return reads;
    }

    public static RecordedSession Parse(byte[] file)
    {
        var bytes = new List<byte>(file.Length);
        var ends = new List<int>();
        var at = 0;
        while (at + 4 <= file.Length)
        {
            var length = (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
            if (length <= 0 || length > file.Length - at - 4)
            {
                throw new FormatException($"corpus record at {at} claims {length} bytes");
            }

            bytes.AddRange(new ArraySegment<byte>(file, at + 4, length));
            ends.Add(bytes.Count);
            at += 4 + length;
        }

        return new RecordedSession(bytes.ToArray(), ends.ToArray());
    }
}
