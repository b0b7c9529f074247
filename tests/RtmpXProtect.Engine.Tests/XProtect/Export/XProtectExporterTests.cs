using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Tests.Media;
using RtmpXProtect.Engine.Tests.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Export;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Export;

public sealed class XProtectExporterTests : IDisposable
{
    private const long Start = 1_767_225_600_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("rtmpx-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_range_with_a_gap_exports_every_recorded_picture_once_with_the_movie_box_first()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Arrival, repeats: 60, gapFrom: Start + 30_000, gapTo: Start + 40_000);
        var request = Request(site, "cam.mp4", Start, Start + 120_000);

        var summary = await XProtectExporter.RunAsync(request, null, CancellationToken.None);

        var expected = Exported(site, Start + 120_000);
        Assert.Equal(expected, summary.Frames);
        Assert.Equal(1, summary.Gaps);
        Assert.InRange(summary.GapTime.TotalMilliseconds, 9_000, 11_000);
        Assert.Equal("h264", summary.Codec);
        Assert.True(summary.RetimedGops > 0);
        var boxes = TopLevelBoxes(request.OutputPath);
        Assert.Equal(new[] { "ftyp", "moov", "mdat" }, boxes);
        Assert.Equal(new[] { "cam.mp4" }, Directory.GetFiles(_folder).Select(Path.GetFileName)); // no side file left
    }

    [Fact]
    public async Task A_connection_dropped_mid_export_is_resumed_without_a_picture_twice()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Presentation, repeats: 20);
        site.Faults.DropAfterReplies = 7;
        var request = Request(site, "resumed.mp4", Start, Start + 30_000);

        var summary = await XProtectExporter.RunAsync(request, null, CancellationToken.None);

        Assert.Equal(1, summary.Resumes);
        Assert.Equal(2, site.ImageServerConnections);
        Assert.Equal(Exported(site, Start + 30_000), summary.Frames);
    }

    [Fact]
    public async Task Tokens_refreshed_during_a_slow_export_reach_the_open_socket_and_lose_nothing()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Arrival, repeats: 10);
        site.Tokens.RecorderLifetime = TimeSpan.FromSeconds(2);
        site.Faults.ReplyDelay = TimeSpan.FromMilliseconds(250);
        var request = Request(site, "slow.mp4", Start, Start + 19_200);
        request.PipelineDepth = 1;

        var summary = await XProtectExporter.RunAsync(request, null, CancellationToken.None);

        Assert.True(site.ConnectUpdates >= 1, "connectupdate sent during the export");
        Assert.Equal(Exported(site, Start + 19_200), summary.Frames);
        Assert.Equal(0, summary.Resumes);
    }

    [Fact]
    public async Task A_fragmented_export_writes_one_fragment_per_gop()
    {
        await using var site = await Site(EncodedVector.Hevc, Stamping.Presentation, repeats: 5);
        var request = Request(site, "frag.mp4", Start, Start + 60_000);
        request.Fragmented = true;

        var summary = await XProtectExporter.RunAsync(request, null, CancellationToken.None);

        var boxes = TopLevelBoxes(request.OutputPath);
        Assert.Equal("hevc", summary.Codec);
        Assert.Equal(240, summary.Frames);
        Assert.Equal(new[] { "ftyp", "moov" }, boxes.Take(2));
        Assert.Equal(10, boxes.Count(b => b == "moof"));
    }

    [Fact]
    public async Task Progress_is_reported_and_no_recording_in_the_range_is_a_clear_error()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Presentation, repeats: 5);
        var reports = new List<ExportProgress>();
        var request = Request(site, "p.mp4", Start, Start + 10_000);

        await XProtectExporter.RunAsync(request, new SynchronousProgress(reports.Add), CancellationToken.None);
        var none = await Assert.ThrowsAsync<XProtectException>(() => XProtectExporter.RunAsync(Request(site, "none.mp4", Start + 100_000, Start + 200_000), null, CancellationToken.None));

        Assert.True(reports.Count >= 5);
        Assert.Equal(1.0, reports[^1].Fraction, 1);
        Assert.Contains("no recording", none.Message);
    }

    private sealed class SynchronousProgress : IProgress<ExportProgress>
    {
        private readonly Action<ExportProgress> _report;

        public SynchronousProgress(Action<ExportProgress> report) => _report = report;

        public void Report(ExportProgress value) => _report(value);
    }

    private ExportRequest Request(XProtectDoubleServer site, string file, long from, long to) => new()
    {
        Server = XProtectSessionTests.Options(site),
        Camera = "Lobby",
        From = DateTimeOffset.FromUnixTimeMilliseconds(from),
        To = DateTimeOffset.FromUnixTimeMilliseconds(to),
        OutputPath = Path.Combine(_folder, file),
    };

    private static Task<XProtectDoubleServer> Site(EncodedVector vector, Stamping stamping, int repeats, long gapFrom = 0, long gapTo = 0) =>
        XProtectSessionTests.Site(s =>
        {
            var once = XProtectDouble.Recordings.FromElementaryStream(vector.Stream, vector.Codec, vector.PresentationTimes, Start, stamping);
            var recording = XProtectDouble.Recordings.Repeat(once, repeats, 1920);
            s.Cameras.Add(new DoubleCamera("Lobby", gapTo > gapFrom ? XProtectDouble.Recordings.WithGap(recording, gapFrom, gapTo) : recording));
        });

    // The range ends at the first picture in decode order shown at or after its end.
    private static int Exported(XProtectDoubleServer site, long to) => site.Cameras[0].Recording.TakeWhile(p => p.PresentationTime < to).Count();

    internal static List<string> TopLevelBoxes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var boxes = new List<string>();
        long at = 0;
        while (at + 8 <= bytes.Length)
        {
            long size = (uint)((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);
            boxes.Add(System.Text.Encoding.ASCII.GetString(bytes, (int)at + 4, 4));
            at += size;
        }

        return boxes;
    }
}
