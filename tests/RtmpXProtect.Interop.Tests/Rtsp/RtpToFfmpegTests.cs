using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// The H.264 and H.265 packetizers and SDP media sections against ffmpeg's RTP receiver, with no
/// RTSP in between: ffmpeg reads the SDP file, receives the packets over UDP and decodes every picture.
/// </summary>
public sealed class RtpToFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerTheory("ffmpeg")]
    [InlineData("h264")]
    [InlineData("hevc")]
    public async Task Ffmpeg_decodes_every_picture_of_a_stream_sent_as_rtp_with_fragmentation_units(string name)
    {
        var codec = RtpCodec.Of(name);
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(await codec.EncodeAsync(temp.Path, 4));
        var units = AccessUnitSplitter.Split(bytes, codec.Codec);

        int port = UdpPorts.Free();
        var sdp = temp.File("cam.sdp");
        File.WriteAllText(sdp, "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=rtmpx\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + codec.Media(bytes.AsSpan(units[0].Offset, units[0].Length).ToArray(), port));

        // ffmpeg's parser ends a picture at the start of the next, so the last one sent is not asked
        // for; one decoding thread, so no picture waits in the decoder for later input.
        var frames = temp.File("frames.txt");
        int expected = units.Count - 1;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-protocol_whitelist", "file,udp,rtp", "-threads", "1", "-i", sdp, "-frames:v", expected.ToString(CultureInfo.InvariantCulture), "-f", "framecrc", frames });
        await UdpPorts.WaitUntilBoundAsync(port, Step);

        var packetizer = codec.Packetizer(maxPacketBytes: 1200);
        int fragmented = 0;
        using var udp = new UdpClient();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / 30));
        for (int i = 0; i < units.Count; i++)
        {
            var packets = packetizer.Packetize(bytes.AsSpan(units[i].Offset, units[i].Length), (uint)(i * 3000));
            fragmented += packets.Count(p => codec.TypeOf(p.AsSpan(12)) == codec.FragmentType);
            foreach (var packet in packets)
            {
                await udp.SendAsync(packet, packet.Length, new IPEndPoint(IPAddress.Loopback, port));
            }

            await pace.WaitForNextTickAsync();
        }

        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
        Assert.Equal(string.Empty, ffmpeg.StandardErrorTail().Trim());
        var lines = File.ReadAllLines(frames);
        Assert.Contains("#dimensions 0: 640x360", lines);
        Assert.Equal(expected, lines.Count(l => !l.StartsWith('#')));
        Assert.True(fragmented > units.Count, $"{fragmented} fragmentation units: key frames and large pictures were fragmented");
    }
}
