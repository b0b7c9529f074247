using System;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Media;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

/// <summary>FLV video with real parameter sets and length-prefixed NAL units, as a publisher sends it.</summary>
internal static class DriverFrames
{
    public static readonly byte[] Sps = MediaVectors.Hex(MediaVectors.AvcSps720);
    public static readonly byte[] Pps = MediaVectors.Hex(MediaVectors.AvcPps);

    public static MediaFrame Config() => Frame(FlvVideo(VideoPacketKind.SequenceStart, true, 0, AvcDecoderConfigurationRecord.Create(Sps, Pps).ToBytes()));

    /// <summary>A picture of one slice NAL (IDR type 5 or non-IDR type 1) whose bytes are all <paramref name="fill"/>.</summary>
    public static MediaFrame Picture(uint timestamp, bool key, int composition = 0, byte fill = 0x55, params byte[][] extraNals)
    {
        var slice = new byte[] { (byte)(key ? 0x65 : 0x41) }.Concat(Enumerable.Repeat(fill, 20)).ToArray();
        var nals = extraNals.Concat(new[] { slice });
        var data = nals.SelectMany(n => new[] { (byte)(n.Length >> 24), (byte)(n.Length >> 16), (byte)(n.Length >> 8), (byte)n.Length }.Concat(n)).ToArray();
        return Frame(FlvVideo(VideoPacketKind.CodedFrames, key, composition, data), timestamp);
    }

    public static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();

    public static byte[] Slice(bool key, byte fill = 0x55) => new byte[] { (byte)(key ? 0x65 : 0x41) }.Concat(Enumerable.Repeat(fill, 20)).ToArray();

    private static byte[] FlvVideo(VideoPacketKind kind, bool key, int composition, byte[] data)
    {
        var body = new byte[5 + data.Length];
        VideoTagHeader.WriteAvc(body, key ? VideoFrameType.Key : VideoFrameType.Inter, kind, composition);
        data.CopyTo(body, 5);
        return body;
    }

    private static MediaFrame Frame(byte[] body, uint timestamp = 0) => MediaFrame.From(new RtmpMessage(MessageType.Video, timestamp, 1, body));
}
