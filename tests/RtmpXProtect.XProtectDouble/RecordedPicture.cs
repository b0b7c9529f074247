using System;
using RtmpXProtect.Engine.Media.GenericByteData;

namespace RtmpXProtect.XProtectDouble;

/// <summary>
/// One picture as a Recording Server holds it: the GenericByteData the ImageServer sends (VPS
/// GenericByteData.h: 32-byte header, Annex B or JPEG payload), and the two times a test needs:
/// the picture's true presentation time, and the time stamped in its header, which is the
/// presentation time or, as a real recorder may do with B-frames (WIP README), its arrival time.
/// </summary>
public sealed class RecordedPicture
{
    public RecordedPicture(ushort codec, bool key, long presentationTime, long stampedTime, long keyTime, byte[] payload)
    {
        Codec = codec;
        IsKey = key;
        PresentationTime = presentationTime;
        StampedTime = stampedTime;
        KeyTime = keyTime;
        Payload = payload;
    }

    public ushort Codec { get; }

    public bool IsKey { get; }

    /// <summary>Unix ms: when the picture is shown.</summary>
    public long PresentationTime { get; }

    /// <summary>Unix ms: what the GenericByteData header says.</summary>
    public long StampedTime { get; }

    /// <summary>Unix ms: the stamped time of the key frame that starts this picture's GOP.</summary>
    public long KeyTime { get; }

    public byte[] Payload { get; }

    /// <summary>The bytes the ImageServer sends: the payload as is for JPEG, else a GenericByteData frame.</summary>
    public byte[] ToWire(ushort sequence)
    {
        if (Codec == GenericByteDataCodec.Jpeg)
        {
            return Payload;
        }

        var wire = new byte[GenericByteDataHeader.Length + Payload.Length];
        new GenericByteDataHeader(GenericByteDataHeader.VideoStreamPacket, (uint)wire.Length, Codec, sequence, (ushort)(IsKey ? 1 : 0), KeyTime, StampedTime).Write(wire);
        Payload.CopyTo(wire, GenericByteDataHeader.Length);
        return wire;
    }
}
