using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve --metrics --api` scraped and driven with `rtmpx status` while ffmpeg publishes.</summary>
public class StatusCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task Metrics_and_status_show_an_ffmpeg_publish_and_drop_ends_it()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 30, bFrames: 0);
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--metrics", "127.0.0.1:0", "--api", "127.0.0.1:0");
        var port = (await RtmpxCli.ListeningPortAsync(rtmpx, Step)).ToString();
        var metrics = Regex.Match(await rtmpx.WaitForOutputAsync(l => l.Contains("Metrics on"), Step), @"(http://\S+/metrics)").Groups[1].Value;
        var api = await RtmpxCli.StatusApiAsync(rtmpx, Step);

        await using var ffmpeg = Ffmpeg.Publish(flv, $"rtmp://127.0.0.1:{port}/live/cam1?key=hushhush");
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);

        using var http = new HttpClient();
        var first = await ScrapeUntil(http, metrics, text => Sample(text, "rtmpx_stream_bytes_received_total{path=\"live/cam1\"}") > 0);
        Assert.Equal(1, Sample(first, "rtmpx_streams"));
        Assert.Equal(0, Sample(first, "rtmpx_stream_players{path=\"live/cam1\"}"));
        Assert.Equal(0, Sample(first, "rtmpx_rejections_total{reason=\"DroppedByOperator\"}"));
        Assert.DoesNotContain("hushhush", first);
        var bytes = Sample(first, "rtmpx_stream_bytes_received_total{path=\"live/cam1\"}");
        var later = await ScrapeUntil(http, metrics, text => Sample(text, "rtmpx_stream_bytes_received_total{path=\"live/cam1\"}") > bytes);
        Assert.True(Sample(later, "rtmpx_connections") >= 1);

        await using var status = RtmpxCli.Start("status", "--api", api, "--json");
        Assert.Equal(0, await status.WaitForExitAsync(Step));
        var json = status.StandardOutputTail();
        Assert.DoesNotContain("hushhush", json);
        using var document = JsonDocument.Parse(json);
        var stream = document.RootElement.GetProperty("streams").EnumerateArray().Single();
        Assert.Equal("live/cam1", stream.GetProperty("path").GetString());
        Assert.Equal("h264", stream.GetProperty("videoCodec").GetString());
        Assert.Equal(320, stream.GetProperty("width").GetInt32());
        Assert.Equal(240, stream.GetProperty("height").GetInt32());
        var publisherId = stream.GetProperty("publisherSessionId").GetInt64();
        var session = document.RootElement.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == publisherId);
        Assert.Equal("Publisher", session.GetProperty("role").GetString());

        await using var drop = RtmpxCli.Start("status", "drop", publisherId.ToString(), "--api", api);
        Assert.Equal(0, await drop.WaitForExitAsync(Step));
        await ffmpeg.Exited.WaitAsync(Step);
        var after = await ScrapeUntil(http, metrics, text => Sample(text, "rtmpx_rejections_total{reason=\"DroppedByOperator\"}") == 1);
        Assert.Equal(0, Sample(after, "rtmpx_streams"));

        await using var logs = RtmpxCli.Start("status", "logs", "--tail", "5", "--api", api);
        Assert.Equal(0, await logs.WaitForExitAsync(Step));
        var lines = logs.StandardOutputTail().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains("DroppedByOperator"));
        Assert.DoesNotContain("hushhush", logs.StandardOutputTail());
    }

    private static double Sample(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line == null ? double.NaN : double.Parse(line.Substring(series.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Polls the scrape endpoint, as Prometheus would, until the figure shows what the publish did.
    private static async Task<string> ScrapeUntil(HttpClient http, string url, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Step;
        while (true)
        {
            var text = await http.GetStringAsync(url);
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(200);
        }
    }
}
