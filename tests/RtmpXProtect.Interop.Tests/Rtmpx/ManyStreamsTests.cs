using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>Several encoders and tens of players on one server, each player getting exactly its own stream.</summary>
public sealed class ManyStreamsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private static readonly (string Name, int Width, int Height)[] Cameras = { ("north", 320, 240), ("south", 176, 144), ("gate", 352, 288) };
    private const int PlayersPerStream = 12;

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Three_ffmpeg_publishers_and_39_players_each_receive_their_own_stream_whole()
    {
        using var dir = new TempDirectory();
        await using var server = new InProcessServer();
        var sources = new Dictionary<string, string>();
        foreach (var camera in Cameras)
        {
            sources[camera.Name] = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 0, gop: 250, size: $"{camera.Width}x{camera.Height}");
        }

        var publishers = Cameras.Select(c => Ffmpeg.Publish(sources[c.Name], server.Url(c.Name))).ToList();
        try
        {
            await Task.WhenAll(Cameras.Select(c => server.Published(c.Name, Step)));
            var ffmpegPlayers = Cameras.Select(c => Ffmpeg.Play(server.Url(c.Name), dir.File(c.Name + ".flv"))).ToList();
            var players = Cameras.SelectMany(c => Enumerable.Range(0, PlayersPerStream).Select(_ => PlayAsync(server.Url(c.Name)))).ToList();

            foreach (var publisher in publishers)
            {
                Assert.Equal(0, await publisher.WaitForExitAsync(Step));
            }

            var results = await Task.WhenAll(players).WaitAsync(Step);
            for (var i = 0; i < Cameras.Length; i++)
            {
                var camera = Cameras[i];
                var expected = (await Ffprobe.ProbeAsync(sources[camera.Name])).CountOf("video");
                foreach (var result in results.Skip(i * PlayersPerStream).Take(PlayersPerStream))
                {
                    Assert.Equal((camera.Width, camera.Height), (result.Width, result.Height));
                    Assert.Equal(expected, result.CodedFrames);
                    Assert.True(result.InOrder, $"{camera.Name}: video timestamps went backwards");
                }

                Assert.Equal(0, await ffmpegPlayers[i].WaitForExitAsync(Step));
                var played = await Ffprobe.ProbeAsync(dir.File(camera.Name + ".flv"));
                Assert.Equal(camera.Width, played.StreamOf("video")?.Width);
                Assert.Equal(expected, played.CountOf("video"));
                await ffmpegPlayers[i].DisposeAsync();
            }
        }
        finally
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync();
            }
        }
    }

    private static async Task<PlayResult> PlayAsync(string url)
    {
        await using var client = await RtmpClient.ConnectAsync(RtmpUrl.Parse(url));
        await client.PlayAsync();
        var result = new PlayResult();
        uint last = 0;
        await foreach (var message in client.Received.ReadAllAsync())
        {
            if (message.Type != MessageType.Video)
            {
                continue;
            }

            var header = VideoTagHeader.Parse(message.Payload.Span);
            if (header.IsSequenceHeader)
            {
                var record = AvcDecoderConfigurationRecord.Parse(message.Payload.Span.Slice(header.DataOffset), RtmpXProtect.Engine.WireLimits.Default);
                var sps = AvcSps.Parse(record.Sps[0]);
                (result.Width, result.Height) = (sps.Width, sps.Height);
            }
            else if (header.PacketKind == VideoPacketKind.CodedFrames)
            {
                result.InOrder &= result.CodedFrames == 0 || !RtmpTime.IsAfter(last, message.Timestamp);
                last = message.Timestamp;
                result.CodedFrames++;
            }
        }

        return result;
    }

    private sealed class PlayResult
    {
        public int Width { get; set; }

        public int Height { get; set; }

        public int CodedFrames { get; set; }

        public bool InOrder { get; set; } = true;
    }
}
