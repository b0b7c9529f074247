using System;
using System.Collections.Generic;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>The raw frames of an ADTS stream (ISO 14496-3 §1.A.2), as an RTP sender takes them.</summary>
internal static class AdtsFile
{
    /// <summary>Each frame without its header: 7 bytes, or 9 with a CRC; the 13-bit frame length is at bit 30.</summary>
    public static List<byte[]> Frames(byte[] adts)
    {
        var frames = new List<byte[]>();
        for (int at = 0; at + 7 <= adts.Length;)
        {
            Assert.Equal(0xFFF, (adts[at] << 4) | (adts[at + 1] >> 4));
            int header = (adts[at + 1] & 1) == 1 ? 7 : 9;
            int length = ((adts[at + 3] & 3) << 11) | (adts[at + 4] << 3) | (adts[at + 5] >> 5);
            frames.Add(adts.AsSpan(at + header, length - header).ToArray());
            at += length;
        }

        return frames;
    }
}
