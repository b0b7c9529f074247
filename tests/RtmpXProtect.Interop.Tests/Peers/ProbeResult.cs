using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// What ffprobe found in a file: an independent reader's view of what a peer (or rtmpx) wrote,
/// with the timestamp checks that catch broken B-frame and relay handling.
/// </summary>
public sealed class ProbeResult
{
    /// <summary>Wraps parsed streams and packets (in file order).</summary>
    public ProbeResult(IReadOnlyList<ProbeStream> streams, IReadOnlyList<ProbePacket> packets)
    {
        Streams = streams;
        Packets = packets;
    }

    /// <summary>Every stream in the file.</summary>
    public IReadOnlyList<ProbeStream> Streams { get; }

    /// <summary>Every packet, in file order.</summary>
    public IReadOnlyList<ProbePacket> Packets { get; }

    /// <summary>The first stream of <paramref name="codecType"/> ("video"/"audio"), or null.</summary>
    public ProbeStream? StreamOf(string codecType) => Streams.FirstOrDefault(s => s.CodecType == codecType);

    /// <summary>Packets of the first stream of <paramref name="codecType"/>, in file order.</summary>
    public IReadOnlyList<ProbePacket> PacketsOf(string codecType)
    {
        var stream = StreamOf(codecType);
        return stream is null ? Array.Empty<ProbePacket>() : Packets.Where(p => p.StreamIndex == stream.Index).ToArray();
    }

    /// <summary>Number of packets of the first stream of <paramref name="codecType"/>.</summary>
    public int CountOf(string codecType) => PacketsOf(codecType).Count;

    /// <summary>Fails unless every packet of <paramref name="codecType"/> has a DTS larger than the one before it.</summary>
    public void AssertDtsStrictlyIncreasing(string codecType)
    {
        var packets = PacketsOf(codecType);
        if (packets.Count == 0)
        {
            throw new XunitException($"no {codecType} packets to check DTS order on");
        }

        long? previous = null;
        for (var i = 0; i < packets.Count; i++)
        {
            var dts = packets[i].Dts ?? throw new XunitException($"{codecType} packet {i} has no DTS");
            if (previous is not null && dts <= previous)
            {
                throw new XunitException($"{codecType} DTS not strictly increasing at packet {i}: {previous} then {dts}");
            }

            previous = dts;
        }
    }

    /// <summary>Fails when any packet is presented before it is decoded (a negative composition offset).</summary>
    public void AssertPtsNotBeforeDts()
    {
        for (var i = 0; i < Packets.Count; i++)
        {
            var p = Packets[i];
            if (p.Pts is not null && p.Dts is not null && p.Pts < p.Dts)
            {
                throw new XunitException($"{p.CodecType} packet {i} has PTS {p.Pts} before DTS {p.Dts}");
            }
        }
    }
}
