using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// ffmpeg's RTP muxer against the H.264 and H.265 depacketizers: what ffmpeg sends over UDP
/// (single NAL units, aggregation packets for the parameter sets, fragmentation units for large
/// pictures) comes back as the access units of the file it read, byte for byte, one frame
/// interval apart.
/// </summary>
public sealed class RtpFromFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerTheory("ffmpeg")]
    [InlineData("h264")]
    [InlineData("hevc")]
    public async Task The_access_units_ffmpeg_sends_as_rtp_come_back_byte_for_byte_one_frame_apart(string name)
    {
        var codec = RtpCodec.Of(name);
        using var temp = new TempDirectory();
        var source = await codec.EncodeAsync(temp.Path, 3);
        var bytes = File.ReadAllBytes(source);
        var expected = AccessUnitSplitter.Split(bytes, codec.Codec).Select(u => Nals(codec, bytes.AsSpan(u.Offset, u.Length).ToArray())).ToList();

        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        // Room for a burst while this process is still compiling its first reads: the default (208 KiB) dropped packets.
        udp.Client.ReceiveBufferSize = 4 << 20;
        int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-re", "-framerate", "30", "-i", source, "-c", "copy", "-f", "rtp", "-payload_type", "96", $"rtp://127.0.0.1:{port}" });

        var depacketizer = codec.Depacketizer();
        var received = new List<RtpAccessUnit>();
        using var cancel = new CancellationTokenSource(Step);
        int aggregated = 0, fragmented = 0;
        while (received.Count < expected.Count)
        {
            var datagram = await udp.ReceiveAsync(cancel.Token);
            int type = datagram.Buffer.Length > 13 ? codec.TypeOf(datagram.Buffer.AsSpan(12)) : -1;
            aggregated += type == codec.AggregateType ? 1 : 0;
            fragmented += type == codec.FragmentType ? 1 : 0;
            received.AddRange(depacketizer.Push(datagram.Buffer));
        }

        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
        Assert.Equal(0, depacketizer.Lost + depacketizer.Dropped);
        Assert.All(received, u => Assert.True(u.Complete));
        Assert.Equal(expected.Select(Describe), received.Select(u => Describe(Nals(codec, u.AnnexB))));

        // ffmpeg rounds 1/30 s to 90 kHz ticks: 3000, now and then 2999.
        Assert.All(received.Zip(received.Skip(1)), pair => Assert.InRange(pair.Second.Timestamp - pair.First.Timestamp, 2999u, 3001u));
        Assert.True(fragmented > 0, "key frames came fragmented");
        Assert.True(aggregated > 0, "ffmpeg sends each key frame's parameter sets in one aggregation packet");
    }

    // The NAL units of an access unit but its delimiter, which RTP senders may leave out.
    private static List<byte[]> Nals(RtpCodec codec, byte[] annexB) =>
        AnnexB.FindNalUnits(annexB).Select(n => annexB.AsSpan(n.Offset, n.Length).ToArray()).Where(n => codec.TypeOf(n) != codec.DelimiterType).ToList();

    private static string Describe(List<byte[]> nals) => string.Join(",", nals.Select(n => $"{n[0]}:{n.Length}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(n))[..12]}"));
}
