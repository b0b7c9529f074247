using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>An exported MP4 in a browser: headless Chromium loads it in a video element and reports what it found.</summary>
public class ChromiumPlaybackTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(2);

    [PeerFact("ffmpeg", "ffprobe", "chromium")]
    public async Task Chromium_plays_an_exported_mp4_and_reports_its_duration_and_size()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 20, Stamping.Arrival);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(new DoubleCamera("Lobby", recording)));
        await XProtectExportCliTests.ExportAsync(temp, site, temp.File("lobby.mp4"), DoubleMedia.Start, DoubleMedia.Start + 20_000);
        File.WriteAllText(temp.File("page.html"), """
            <!doctype html><html><body><video id="v" muted preload="auto" src="lobby.mp4"></video><script>
            const v = document.getElementById('v');
            v.addEventListener('canplay', () => document.body.setAttribute('data-result', 'played ' + v.duration + ' ' + v.videoWidth + 'x' + v.videoHeight));
            v.addEventListener('error', () => document.body.setAttribute('data-result', 'error ' + (v.error ? v.error.code + ' ' + v.error.message : '')));
            </script></body></html>
            """);

        await using var chromium = PeerProcess.Start("chromium", new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
            "--user-data-dir=" + temp.File("profile"), "--virtual-time-budget=15000", "--dump-dom", new Uri(temp.File("page.html")).AbsoluteUri,
        });
        await chromium.WaitForExitAsync(Step);

        var dom = chromium.StandardOutputTail();
        var result = Regex.Match(dom, "data-result=\"([^\"]*)\"");
        Assert.True(result.Success, "no result in the page: " + dom + chromium.StandardErrorTail());
        var played = Regex.Match(result.Groups[1].Value, @"^played ([0-9.]+) (\d+)x(\d+)$");
        Assert.True(played.Success, result.Groups[1].Value);
        Assert.InRange(double.Parse(played.Groups[1].Value, CultureInfo.InvariantCulture), 19.9, 20.1);
        Assert.Equal("320x240", played.Groups[2].Value + "x" + played.Groups[3].Value);
    }
}
