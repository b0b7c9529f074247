using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>A whole session description, H.264 and AAC tracks, against ffmpeg: it reads the document and decodes both streams sent to it.</summary>
public sealed class SessionToFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_plays_the_video_and_audio_tracks_of_one_session_description()
    {
        using var temp = new TempDirectory();
        var codec = RtpCodec.Of("h264");
        var video = File.ReadAllBytes(await codec.EncodeAsync(temp.Path, 3));
        var units = AccessUnitSplitter.Split(video, VideoCodec.Avc);
        var tone = temp.File("tone.aac");
        await using (var encode = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "3", "-ac", "2", "-c:a", "aac", "-f", "adts", tone }))
        {
            Assert.Equal(0, await encode.WaitForExitAsync(Step));
        }

        var audio = AdtsFile.Frames(File.ReadAllBytes(tone));
        int videoPort = UdpPorts.Free();
        int audioPort = UdpPorts.Free(videoPort);
        var sdp = temp.File("session.sdp");
        File.WriteAllText(sdp, SessionDescription.Write("live/cam1", 1, new[]
        {
            codec.Media(video.AsSpan(units[0].Offset, units[0].Length).ToArray(), videoPort),
            AacMediaDescription.Write(97, AudioSpecificConfig.Create(2, 48000, 2), audioPort),
        }, connectionAddress: "127.0.0.1"));

        var output = temp.File("frames.txt");
        int expected = units.Count - 1;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-protocol_whitelist", "file,udp,rtp", "-threads", "1", "-i", sdp, "-map", "0:v", "-map", "0:a", "-frames:v", expected.ToString(CultureInfo.InvariantCulture), "-f", "framecrc", output });
        await UdpPorts.WaitUntilBoundAsync(videoPort, Step);
        await UdpPorts.WaitUntilBoundAsync(audioPort, Step);

        // Both tracks at their own pace, each sent when its time has come on one clock.
        var videoPackets = new H264Packetizer(96, 1, 0);
        var audioPackets = new AacPacketizer(97, 2, 0);
        using var udp = new UdpClient();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var clock = Stopwatch.StartNew();
        int v = 0, a = 0;
        while (v < units.Count || a < audio.Count)
        {
            double now = clock.Elapsed.TotalSeconds;
            for (; v < units.Count && v / 30.0 <= now; v++)
            {
                await SendAsync(udp, videoPackets.Packetize(video.AsSpan(units[v].Offset, units[v].Length), (uint)(v * 3000)), videoPort);
            }

            for (; a < audio.Count && a * 1024 / 48000.0 <= now; a++)
            {
                await SendAsync(udp, audioPackets.Packetize(audio[a], (uint)(a * 1024)), audioPort);
            }

            await tick.WaitForNextTickAsync();
        }

        Assert.Equal(0, await ffmpeg.WaitForExitAsync(Step));
        Assert.Equal(string.Empty, ffmpeg.StandardErrorTail().Trim());
        var lines = File.ReadAllLines(output);
        Assert.Contains("#dimensions 0: 640x360", lines);
        Assert.Contains("#sample_rate 1: 48000", lines);
        Assert.Equal(expected, lines.Count(l => l.StartsWith("0,", StringComparison.Ordinal)));
        Assert.True(lines.Count(l => l.StartsWith("1,", StringComparison.Ordinal)) > audio.Count / 2, "the audio track plays beside the video");
    }

    private static async Task SendAsync(UdpClient udp, List<byte[]> packets, int port)
    {
        foreach (var packet in packets)
        {
            await udp.SendAsync(packet, packet.Length, new IPEndPoint(IPAddress.Loopback, port));
        }
    }
}
