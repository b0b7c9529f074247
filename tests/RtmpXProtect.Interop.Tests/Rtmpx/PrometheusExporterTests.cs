using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>The /metrics text: prometheus-net writing the server's meter with the metric names and kinds it always had.</summary>
public class PrometheusExporterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private static readonly Regex SampleLine = new(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"",?)+\})? [^ ]+$");

    private static async Task<string> ScrapeAsync(PrometheusExporter exporter)
    {
        using var output = new MemoryStream();
        await exporter.WriteAsync(output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [PeerFact("ffmpeg")]
    public async Task Every_family_is_well_formed_counters_stay_counters_and_a_streams_series_go_when_it_ends()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 2, bFrames: 0);
        await using var server = new InProcessServer();
        using var exporter = new PrometheusExporter(server.Server.Meter.Instruments);
        await using (var publisher = Ffmpeg.Publish(flv, server.Url("we\"ird\\name")))
        {
            await server.Published("we\"ird\\name", Step);
            var text = await ScrapeAsync(exporter);
            var lines = text.TrimEnd('\n').Split('\n');

            Assert.All(lines, line => Assert.True(line.StartsWith("# HELP ") || line.StartsWith("# TYPE ") || SampleLine.IsMatch(line), line));
            var types = lines.Where(l => l.StartsWith("# TYPE ")).Select(l => l.Split(' ')).ToDictionary(p => p[2], p => p[3]);
            Assert.Equal("counter", types["rtmpx_rejections_total"]);
            Assert.Equal("counter", types["rtmpx_stream_bytes_received_total"]);
            Assert.Equal("gauge", types["rtmpx_connections"]);
            Assert.Equal(lines.Count(l => l.StartsWith("# HELP ")), types.Count);
            Assert.Equal(Enum.GetValues(typeof(RejectionReason)).Length, lines.Count(l => l.StartsWith("rtmpx_rejections_total{")));
            Assert.Contains(lines, l => l.StartsWith("rtmpx_stream_players{path=\"live/we\\\"ird\\\\name\"} "));
            Assert.Contains("rtmpx_streams 1", lines);
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await server.Unpublished("we\"ird\\name", Step);
        var after = await ScrapeAsync(exporter);
        Assert.DoesNotContain("path=", after);
        Assert.Contains("rtmpx_streams 0", after.Split('\n'));
    }
}
