using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>`rtmpx xprotect export` against the XProtect double, the MP4 checked by ffprobe and ffmpeg.</summary>
public class XProtectExportCliTests
{
    private const long Start = DoubleMedia.Start;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Ten_minutes_with_a_gap_export_with_every_recorded_picture_at_its_recorded_time_and_the_gap_kept()
    {
        using var temp = new TempDirectory();
        var minute = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 60, Stamping.Arrival);
        var recording = Recordings.WithGap(Recordings.Repeat(minute, 10, 60_000), Start + 240_000, Start + 270_000);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(new DoubleCamera("Lobby", recording)));
        var output = temp.File("lobby.mp4");

        var summary = await ExportAsync(temp, site, output, Start, Start + 600_000);

        var expected = recording.TakeWhile(p => p.PresentationTime < Start + 600_000).ToList();
        var shown = await PresentationTimesAsync(temp, output);
        Assert.Equal("h264", await CodecAsync(temp, output));
        Assert.Equal(expected.Count, shown.Count);
        var recorded = expected.Select(p => p.PresentationTime - expected.Min(e => e.PresentationTime)).OrderBy(t => t).ToList();
        var worst = recorded.Zip(shown, (r, s) => Math.Abs(r - s)).Max();
        Assert.True(worst <= 1, $"a frame is {worst} ms from its recorded time");
        Assert.Contains(shown.Zip(shown.Skip(1), (a, b) => b - a), step => step >= 29_000);
        Assert.Equal(1, summary.GetProperty("Gaps").GetInt32());
        Assert.Equal(expected.Count, summary.GetProperty("Frames").GetInt64());
        Assert.True(summary.GetProperty("RetimedGops").GetInt32() > 0, "arrival-stamped GOPs were retimed");
        await AssertDecodesAsync(output, expected.Count);
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_fragmented_export_killed_half_way_leaves_every_completed_fragment_playable()
    {
        using var temp = new TempDirectory();
        var minute = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 60, Stamping.Presentation);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(new DoubleCamera("Lobby", Recordings.Repeat(minute, 10, 60_000))));
        site.Faults.ReplyDelay = TimeSpan.FromMilliseconds(40);
        var output = temp.File("partial.mp4");
        var config = XProtectSite.WriteConfig(temp, site);
        await using var run = RtmpxCli.Start("xprotect", "export", "--config", config, "--camera", "Lobby", "--from", Iso(Start), "--to", Iso(Start + 600_000), "--out", output, "--fragmented", "--pipeline", "1");

        await Condition.WaitAsync(() => File.Exists(output) && new FileInfo(output).Length > 2_000_000, Step, "2 MB of export");
        run.Kill();
        await run.WaitForExitAsync(Step);

        var decoded = await DecodedFramesAsync(temp, output);
        var shown = await PresentationTimesAsync(temp, output);
        Assert.True(decoded >= 100, $"{decoded} frames decode");
        Assert.True(decoded % 50 == 0 || decoded >= shown.Count - 50, "whole fragments of 50 frames play");
        var recorded = minute.Select(p => p.PresentationTime - Start).OrderBy(t => t).Take(shown.Count).ToList();
        Assert.Equal(recorded.Take(100), shown.Take(100));
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_connection_dropped_mid_export_resumes_with_no_picture_twice()
    {
        using var temp = new TempDirectory();
        var minute = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 60, Stamping.Arrival);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(new DoubleCamera("Lobby", minute)));
        site.Faults.DropAfterReplies = 12;
        var output = temp.File("resumed.mp4");

        var summary = await ExportAsync(temp, site, output, Start, Start + 60_000);

        var shown = await PresentationTimesAsync(temp, output);
        Assert.Equal(1, summary.GetProperty("Resumes").GetInt32());
        Assert.Equal(minute.Count, shown.Count);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(2, site.ImageServerConnections);
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task H265_and_jpeg_cameras_export_as_hvc1_and_motion_jpeg()
    {
        using var temp = new TempDirectory();
        var hevc = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Hevc, 10, Stamping.Arrival);
        var jpegs = await DoubleMedia.JpegsAsync(temp.Path, 5);
        await using var site = await XProtectSite.StartAsync(s =>
        {
            s.Cameras.Add(new DoubleCamera("Gate", hevc));
            s.Cameras.Add(new DoubleCamera("Yard", jpegs));
        });

        await ExportAsync(temp, site, temp.File("gate.mp4"), Start, Start + 10_000, camera: "Gate");
        await ExportAsync(temp, site, temp.File("yard.mp4"), Start, Start + 5_000, camera: "Yard");

        Assert.Equal("hevc", await CodecAsync(temp, temp.File("gate.mp4")));
        Assert.Equal("hvc1", (await DoubleMedia.LinesAsync(temp.Path, "-select_streams", "v", "-show_entries", "stream=codec_tag_string", temp.File("gate.mp4"))).Single());
        Assert.Equal(hevc.Count, (await PresentationTimesAsync(temp, temp.File("gate.mp4"))).Count);
        Assert.Equal("mjpeg", await CodecAsync(temp, temp.File("yard.mp4")));
        Assert.Equal(jpegs.Count, await DecodedFramesAsync(temp, temp.File("yard.mp4")));
    }

    [PeerFact("ffprobe")]
    public async Task An_untrusted_certificate_is_refused_unless_the_configuration_allows_it_and_no_secret_is_shown()
    {
        using var temp = new TempDirectory();
        var jpegs = await DoubleMedia.JpegsAsync(temp.Path, 2);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(new DoubleCamera("Yard", jpegs)), tls: true);

        await using var refused = RtmpxCli.Start("xprotect", "cameras", "--config", XProtectSite.WriteConfig(temp, site));
        Assert.Equal(1, await refused.WaitForExitAsync(Step));
        await using var listed = RtmpxCli.Start("xprotect", "cameras", "--config", XProtectSite.WriteConfig(temp, site, allowUntrusted: true), "--json");
        Assert.Equal(0, await listed.WaitForExitAsync(Step));
        var summary = await ExportAsync(temp, site, temp.File("tls.mp4"), Start, Start + 2_000, camera: "Yard", allowUntrusted: true);

        Assert.Contains("certificate", refused.StandardErrorTail());
        Assert.Contains(site.ManagementServer.GetLeftPart(UriPartial.Authority), refused.StandardErrorTail());
        Assert.Equal("Yard", JsonDocument.Parse(listed.StandardOutputTail()).RootElement[0].GetProperty("name").GetString());
        Assert.Equal(jpegs.Count, summary.GetProperty("Frames").GetInt64());
        XProtectSite.AssertNoSecret(site, refused.StandardErrorTail() + refused.StandardOutputTail() + listed.StandardErrorTail() + listed.StandardOutputTail());
    }

    [Fact]
    public async Task A_wrong_password_exits_3_naming_the_server_and_user_only()
    {
        using var temp = new TempDirectory();
        await using var site = await XProtectSite.StartAsync(s => { });
        var config = XProtectSite.WriteConfig(temp, site);
        File.WriteAllText(temp.File("xprotect.password"), "definitely-wrong-pw\n");

        await using var run = RtmpxCli.Start("xprotect", "export", "--config", config, "--camera", "Lobby", "--from", Iso(Start), "--to", Iso(Start + 1000), "--out", temp.File("x.mp4"));

        Assert.Equal(3, await run.WaitForExitAsync(Step));
        var output = run.StandardErrorTail() + run.StandardOutputTail();
        Assert.Contains("refused the login of operator", output);
        Assert.DoesNotContain("definitely-wrong-pw", output);
    }

    internal static async Task<JsonElement> ExportAsync(TempDirectory temp, XProtectDoubleServer site, string output, long from, long to, string camera = "Lobby", bool allowUntrusted = false)
    {
        var config = XProtectSite.WriteConfig(temp, site, allowUntrusted);
        await using var run = RtmpxCli.Start("xprotect", "export", "--config", config, "--camera", camera, "--from", Iso(from), "--to", Iso(to), "--out", output, "--json");
        var exit = await run.WaitForExitAsync(Step);
        var all = run.StandardErrorTail() + run.StandardOutputTail();
        Assert.True(exit == 0, $"export exit {exit}: {all}");
        XProtectSite.AssertNoSecret(site, all);
        return JsonDocument.Parse(run.StandardOutputTail().Trim()).RootElement.Clone();
    }

    private static string Iso(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("O", CultureInfo.InvariantCulture);

    private static async Task<string> CodecAsync(TempDirectory temp, string file) =>
        (await DoubleMedia.LinesAsync(temp.Path, "-select_streams", "v", "-show_entries", "stream=codec_name", file)).Single();

    // Packet presentation times in milliseconds from the first, in presentation order.
    internal static async Task<List<long>> PresentationTimesAsync(TempDirectory temp, string file)
    {
        var times = (await DoubleMedia.LinesAsync(temp.Path, "-select_streams", "v", "-show_entries", "packet=pts_time", file))
            .Select(l => (long)Math.Round(double.Parse(l, CultureInfo.InvariantCulture) * 1000)).OrderBy(t => t).ToList();
        return times.Select(t => t - times[0]).ToList();
    }

    // Frames the decoder gets out of the file (ffprobe -count_frames decodes every one).
    internal static async Task<int> DecodedFramesAsync(TempDirectory temp, string file) =>
        int.Parse((await DoubleMedia.LinesAsync(temp.Path, "-count_frames", "-select_streams", "v", "-show_entries", "stream=nb_read_frames", file)).Single(), CultureInfo.InvariantCulture);

    private static async Task AssertDecodesAsync(string file, int frames)
    {
        await using var decode = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-i", file, "-f", "null", "-" });
        Assert.Equal(0, await decode.WaitForExitAsync(Step));
        Assert.Equal(string.Empty, decode.StandardErrorTail().Trim());
        Assert.True(frames > 0);
    }
}
