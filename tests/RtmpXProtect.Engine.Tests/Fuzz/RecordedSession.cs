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
