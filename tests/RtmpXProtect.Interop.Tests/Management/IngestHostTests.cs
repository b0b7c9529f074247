using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Management;

/// <summary>Start-RtmpIngest's operation: an ingest in this process, from parameters or from rtmpx.json.</summary>
public class IngestHostTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task A_fixed_path_with_a_key_takes_ffmpeg_with_the_key_and_refuses_it_without()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 2, bFrames: 0);
        await using var host = await IngestHost.StartAsync(new IngestHostOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Paths = new List<string> { "live/cam" },
            PublishKeys = new Dictionary<string, string> { ["live/cam"] = "k-123" },
        });
        var published = Published(host.Server, "live/cam");
        var url = $"rtmp://127.0.0.1:{host.Endpoint.Port}/live/cam";

        await using (var refused = Ffmpeg.Publish(flv, url))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Step));
        }

        Assert.False(published.IsCompleted);
        Assert.True(host.Server.Rejections.Snapshot().Values.Sum() >= 1);

        await using var publisher = Ffmpeg.Publish(flv, url + "?key=k-123");
        await published.WaitAsync(Step);
        Assert.Contains(host.Status().Streams, s => s.Path == "live/cam" && s.IsPublished);
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
    }

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData(null, ".mp4")]
    [InlineData(Engine.Recording.RecordingFormat.Flv, ".flv")]
    public async Task A_record_directory_records_each_publish_in_the_format_asked(Engine.Recording.RecordingFormat? format, string extension)
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 2, bFrames: 2);
        var recordings = Directory.CreateDirectory(temp.File("recordings")).FullName;
        await using var host = await IngestHost.StartAsync(new IngestHostOptions { Address = IPAddress.Loopback, Port = 0, RecordDirectory = recordings, RecordFormat = format });
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Server.Hub.PublishStopped += _ => stopped.TrySetResult();

        await using (var publisher = Ffmpeg.Publish(flv, $"rtmp://127.0.0.1:{host.Endpoint.Port}/live/cam"))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await stopped.Task.WaitAsync(Step);
        await Condition.WaitAsync(() => host.Server.GetRecordings().Any(r => !r.InProgress), Step, "a finished recording");
        var recording = host.Server.GetRecordings().Single();
        Assert.Equal("live/cam", recording.Path);
        var file = Path.Combine(recordings, recording.File);
        Assert.Equal(extension, Path.GetExtension(file));
        var probe = await Ffprobe.ProbeAsync(file);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.InRange(probe.CountOf("video"), 45, 50);
    }

    [PeerFact("ffmpeg")]
    public async Task A_configuration_file_runs_its_stream_in_process_into_its_own_ingest()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 2, bFrames: 0);
        var port = FreePort.Get();
        File.WriteAllText(temp.File("rtmpx.json"), "{ \"limits\": { \"maxConnections\": 50 }, \"streams\": [] }");
        new StreamStore(temp.File("rtmpx.json")).Add(new Engine.Streaming.StreamDefinition
        {
            Name = "loop",
            Source = Path.GetFileName(flv),
            Destinations = { new Engine.Streaming.DestinationDefinition { Url = $"rtmp://127.0.0.1:{port}/live/out" } },
        });

        await using var host = await IngestHost.StartAsync(new IngestHostOptions { ConfigPath = temp.File("rtmpx.json"), Address = IPAddress.Loopback, Port = port });
        await Published(host.Server, "live/out").WaitAsync(Step);

        Assert.Equal(50, host.Server.Options.Admission.MaxConnections);
        var stream = Assert.Single(host.Streams());
        Assert.Equal("loop", stream.Name);
        Assert.Contains(host.Status().Streams, s => s.Path == "live/out" && s.IsPublished);
        await host.StopAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task A_publish_token_url_is_accepted_and_the_bare_path_is_not()
    {
        var secret = new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        var options = new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Access = new AccessPolicy { SigningSecret = secret } };
        await using var server = new RtmpServer(options);
        server.Start();
        var root = $"rtmp://127.0.0.1:{server.LocalEndPoint.Port}";

        await using (var unsigned = await RtmpClient.ConnectAsync(RtmpUrl.Parse(root + "/live/cam")))
        {
            await Assert.ThrowsAsync<RtmpStatusException>(() => unsigned.PublishAsync());
        }

        var signed = PublishTokens.CreateUrl(root, "live/cam", secret, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        await using var client = await RtmpClient.ConnectAsync(RtmpUrl.Parse(signed));
        await client.PublishAsync();
        Assert.Contains(server.GetStatus().Streams, s => s.Path == "live/cam");
    }

    private static Task Published(RtmpServer server, string path)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Hub.PublishStarted += stream =>
        {
            if (stream.Key == path)
            {
                done.TrySetResult();
            }
        };

        // A stream the host runs in process may publish before the test subscribes: look once after subscribing.
        if (server.Hub.Streams.Any(s => s.Key == path && s.IsPublished))
        {
            done.TrySetResult();
        }

        return done.Task;
    }
}
