using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve` telling a webhook, a command and its log file about an ffmpeg publish.</summary>
public sealed class HooksCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private const string StreamKey = "Hk8sQ2vLp5";

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_publish_reaches_the_webhook_the_command_and_the_log_file_without_the_key()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 2, bFrames: 0);
        var port = FreePort.Get();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var hookFile = dir.File("events.jsonl");
        File.WriteAllText(dir.File("rtmpx.json"), $$"""
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "paths": { "publishKeys": ["{{StreamKey}}"] },
              "hooks": {
                "webhooks": [{ "url": "http://127.0.0.1:{{port}}/events" }],
                "commands": [{ "path": "/bin/sh", "args": ["-c", "cat >> \"$1\"; echo >> \"$1\"", "sh", "{{hookFile}}"] }],
              },
            }
            """);
        await using var rtmpx = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"), "--log-file", dir.File("rtmpx.log"));
        var rtmpPort = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using (var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{rtmpPort}/live/cam1?key={StreamKey}"))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        var posted = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var context = await listener.GetContextAsync().WaitAsync(Step);
            using var reader = new StreamReader(context.Request.InputStream);
            posted.Add(await reader.ReadToEndAsync());
            context.Response.StatusCode = 204;
            context.Response.Close();
        }

        await rtmpx.WaitForOutputAsync(l => l.Contains("Stream stopped"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var commanded = File.ReadAllLines(hookFile).Where(l => l.Length > 0).ToList();
        foreach (var events in new[] { posted, commanded })
        {
            Assert.Equal(2, events.Count);
            using var started = JsonDocument.Parse(events[0]);
            using var stopped = JsonDocument.Parse(events[1]);
            Assert.Equal("streamStarted", started.RootElement.GetProperty("event").GetString());
            Assert.Equal("h264", started.RootElement.GetProperty("videoCodec").GetString());
            Assert.Equal(320, started.RootElement.GetProperty("width").GetInt32());
            Assert.Equal(240, started.RootElement.GetProperty("height").GetInt32());
            Assert.Equal("127.0.0.1", started.RootElement.GetProperty("publisherAddress").GetString());
            Assert.Equal("live/cam1", started.RootElement.GetProperty("path").GetString());
            Assert.Equal("streamStopped", stopped.RootElement.GetProperty("event").GetString());
            Assert.All(events, e => Assert.DoesNotContain(StreamKey, e));
        }

        var logged = File.ReadAllText(dir.File(Directory.GetFiles(dir.Path, "rtmpx*.log").Single()));
        var publishLine = logged.Split('\n').Single(l => l.Contains("publishes live/cam1?****"));
        Assert.Contains("\"Path\":\"live/cam1?****\"", publishLine);
        Assert.Contains("\"RemoteAddress\":\"127.0.0.1\"", publishLine);
        Assert.Matches("\"SessionId\":\\d+", publishLine);
        Assert.DoesNotContain(StreamKey, logged + rtmpx.StandardErrorTail());
    }
}
