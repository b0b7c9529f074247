using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// RFC 3640 AAC-hbr both ways with ffmpeg over UDP: what ffmpeg's RTP muxer sends (several
/// frames per packet) comes back frame for frame, and ffmpeg decodes what the packetizer sends.
/// </summary>
public sealed class AacRtpWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerFact("ffmpeg")]
    public async Task The_frames_ffmpeg_sends_as_rtp_come_back_byte_for_byte_a_frame_apart()
    {
        using var temp = new TempDirectory();
        // ffmpeg sends AAC over RTP only from a source with its configuration out of band (an MP4),
        // and the same frames written as ADTS are what must come back.
        var source = temp.File("tone.m4a");
        await RunAsync("-i", await EncodeAsync(temp), "-c", "copy", source);
        var framed = temp.File("same.aac");
        await RunAsync("-i", source, "-c", "copy", "-f", "adts", framed);
        var expected = AdtsFile.Frames(File.ReadAllBytes(framed));

        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        udp.Client.ReceiveBufferSize = 4 << 20;
        int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-re", "-i", source, "-c", "copy", "-f", "rtp", "-payload_type", "97", $"rtp://127.0.0.1:{port}" });

        // Loopback delivers each datagram as it is sent, so once ffmpeg has exited all are queued here.
        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
        var depacketizer = new AacDepacketizer();
        var received = new List<RtpAudioFrame>();
        int packets = 0;
        while (udp.Available > 0)
        {
            var datagram = await udp.ReceiveAsync();
            packets++;
            received.AddRange(depacketizer.Push(datagram.Buffer));
        }

        // ffmpeg 5.1 aggregates 3 frames a packet and does not send a last, partial packet at the end.
        Assert.InRange(received.Count, expected.Count - 2, expected.Count);
        expected = expected.Take(received.Count).ToList();
        Assert.Equal(0, depacketizer.Lost + depacketizer.Dropped);
        Assert.Equal(expected, received.Select(f => f.Data));
        Assert.All(received.Zip(received.Skip(1)), pair => Assert.Equal(1024u, pair.Second.Timestamp - pair.First.Timestamp));
        Assert.True(packets < received.Count, $"{packets} packets for {received.Count} frames: ffmpeg aggregates");
    }

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_decodes_every_frame_the_packetizer_sends()
    {
        using var temp = new TempDirectory();
        var frames = AdtsFile.Frames(File.ReadAllBytes(await EncodeAsync(temp)));
        int port = UdpPorts.Free();
        var sdp = temp.File("audio.sdp");
        File.WriteAllText(sdp, "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=rtmpx\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + AacMediaDescription.Write(97, AudioSpecificConfig.Create(2, 44100, 2), port));
        var output = temp.File("frames.txt");
        int expected = frames.Count - 1;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-protocol_whitelist", "file,udp,rtp", "-i", sdp, "-frames:a", expected.ToString(CultureInfo.InvariantCulture), "-f", "framecrc", output });
        await UdpPorts.WaitUntilBoundAsync(port, Step);

        var packetizer = new AacPacketizer(97, 0xA0C, 7);
        using var udp = new UdpClient();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(1024 * 1000.0 / 44100));
        for (int i = 0; i < frames.Count; i++)
        {
            foreach (var packet in packetizer.Packetize(frames[i], (uint)(i * 1024)))
            {
                await udp.SendAsync(packet, packet.Length, new IPEndPoint(IPAddress.Loopback, port));
            }

            await pace.WaitForNextTickAsync();
        }

        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
        Assert.Equal(string.Empty, ffmpeg.StandardErrorTail().Trim());
        var lines = File.ReadAllLines(output);
        Assert.Contains(lines, l => l.StartsWith("#sample_rate 0: 44100", StringComparison.Ordinal));
        Assert.Equal(expected, lines.Count(l => !l.StartsWith('#')));
    }

    private static async Task<string> EncodeAsync(TempDirectory temp)
    {
        var path = temp.File("tone.aac");
        await RunAsync("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "3", "-ac", "2", "-c:a", "aac", "-b:a", "128k", "-f", "adts", path);
        return path;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-y" }.Concat(arguments));
        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
    }
}
