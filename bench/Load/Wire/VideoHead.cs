using System;

namespace RtmpXProtect.Bench.Load.Wire;

/// <summary>Reads what a player needs from the first bytes of an FLV/RTMP video body (FLV 10.1 §E.4.3, Enhanced RTMP v2).</summary>
internal static class VideoHead
{
    private const int KeyFrame = 1;
    private const int Avc = 7;
    private const int Hevc = 12;
    private const int ExHeaderBit = 0x80;
    private const int CodedFrames = 1;
    private const int CodedFramesX = 3;

    /// <summary>True for a coded frame (not a sequence header or end of sequence); <paramref name="keyframe"/> says whether it is a keyframe.</summary>
    public static bool IsCodedFrame(ReadOnlySpan<byte> head, out bool keyframe)
    {
        keyframe = false;
        if (head.Length < 2)
        {
            return false;
        }

        var first = head[0];
        keyframe = ((first >> 4) & 0x07) == KeyFrame;
        if ((first & ExHeaderBit) != 0)
        {
            var packetType = first & 0x0F;
            return packetType == CodedFrames || packetType == CodedFramesX;
        }

        var codec = first & 0x0F;
        return (codec != Avc && codec != Hevc) || head[1] == 1;
    }
}
