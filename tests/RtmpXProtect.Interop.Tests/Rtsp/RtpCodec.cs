using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>What the RTP tests need to know of H.264 and H.265: how ffmpeg encodes it, its NAL types, and the engine's parts for it.</summary>
internal sealed record RtpCodec(string Name, VideoCodec Codec, string Encoder, string Format, int FragmentType, int AggregateType, int DelimiterType)
{
    public static RtpCodec Of(string name) => name switch
    {
        "h264" => new RtpCodec(name, VideoCodec.Avc, "libx264", "h264", 28, 24, 9),
        "hevc" => new RtpCodec(name, VideoCodec.Hevc, "libx265", "hevc", 49, 48, 35),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "h264 or hevc"),
    };

    public int TypeOf(ReadOnlySpan<byte> nal) => Codec == VideoCodec.Avc ? nal[0] & 0x1F : (nal[0] >> 1) & 0x3F;

    public RtpVideoPacketizer Packetizer(int maxPacketBytes) => Codec == VideoCodec.Avc
        ? new H264Packetizer(96, 0x5EED, 1000, maxPacketBytes)
        : new H265Packetizer(96, 0x5EED, 1000, maxPacketBytes);

    public RtpVideoDepacketizer Depacketizer() => Codec == VideoCodec.Avc ? new H264Depacketizer() : new H265Depacketizer();

    /// <summary>The SDP media section for the parameter sets of the stream's first access unit.</summary>
    public string Media(byte[] firstUnit, int port)
    {
        byte[] Find(int type) => AnnexB.FindNalUnits(firstUnit).Select(n => firstUnit.AsSpan(n.Offset, n.Length).ToArray()).First(n => TypeOf(n) == type);
        return Codec == VideoCodec.Avc
            ? H264MediaDescription.Write(96, Find(7), Find(8), port)
            : H265MediaDescription.Write(96, Find(32), Find(33), Find(34), port);
    }

    /// <summary>Seconds of 640x360 at 30 fps and 2 Mbps, no B-frames, a key frame a second, as Annex B.</summary>
    public async Task<string> EncodeAsync(string directory, int seconds)
    {
        var path = Path.Combine(directory, "cam." + Format);
        var codecOptions = Codec == VideoCodec.Avc ? new[] { "-bf", "0", "-g", "30" } : new[] { "-x265-params", "bframes=0:keyint=30:log-level=error" };
        await using var encode = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", Encoder, "-preset", "ultrafast" }
            .Concat(codecOptions).Concat(new[] { "-b:v", "2M", "-f", Format, path }));
        Assert.Equal(0, await encode.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        return path;
    }
}
