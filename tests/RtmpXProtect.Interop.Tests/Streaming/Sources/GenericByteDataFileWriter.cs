using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine.Media.GenericByteData;

namespace RtmpXProtect.Interop.Tests.Streaming.Sources;

/// <summary>Writes Annex B access units as back-to-back GenericByteData frames, like a Recording Server export.</summary>
internal sealed class GenericByteDataFileWriter
{
    // 2023-11-14T22:13:20Z: real cameras stamp wall-clock milliseconds.
    private const long Epoch = 1_700_000_000_000;

    private readonly List<byte> _bytes = new();
    private ushort _sequence;

    public int Frames { get; private set; }

    public void Add(ushort codec, byte[] accessUnit, long ptsMilliseconds, bool key)
    {
        var header = new GenericByteDataHeader(GenericByteDataHeader.VideoStreamPacket, (uint)(GenericByteDataHeader.Length + accessUnit.Length), codec, _sequence++, (ushort)(key ? 1 : 0), Epoch, Epoch + ptsMilliseconds);
        var head = new byte[GenericByteDataHeader.Length];
        header.Write(head);
        _bytes.AddRange(head);
        _bytes.AddRange(accessUnit);
        Frames++;
    }

    public void Save(string path) => File.WriteAllBytes(path, _bytes.ToArray());
}
