using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Interop.Tests.XProtect;
using RtmpXProtect.Tests.Shared;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Instances;

/// <summary>
/// The natively compiled linux-x64 package through the commands that read JSON, write it and run
/// helpers: what ahead-of-time code without reflection-based serialization could break, and what
/// the other tests, which run the JIT build, cannot show.
/// </summary>
public sealed class NativePackageCommandsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerFact("clang", "ffmpeg", "ffprobe", "nginx")]
    public async Task The_native_rtmpx_lists_and_exports_cameras_streams_one_to_nginx_and_answers_its_api_in_json()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 20, Stamping.Arrival);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(XProtectSite.Camera("Lobby", recording)));
        await using var nginx = await NginxRtmp.StartAsync();
        var rtmpx = Path.Combine(RtmpxPackages.Folder("linux-x64"), "rtmpx");
        var config = XProtectSite.WriteConfig(temp, site);

        var cameras = JsonDocument.Parse(await DoubleMedia.RunAsync(rtmpx, new[] { "xprotect", "cameras", "--config", config, "--json" })).RootElement;
        Assert.Equal("Lobby", cameras[0].GetProperty("name").GetString());
        Assert.True(cameras[0].GetProperty("enabled").GetBoolean());

        var output = temp.File("lobby.mp4");
        var summary = JsonDocument.Parse(await DoubleMedia.RunAsync(rtmpx, new[] { "xprotect", "export", "--config", config, "--camera", "Lobby", "--from", Iso(DoubleMedia.Start), "--to", Iso(DoubleMedia.Start + 10_000), "--out", output, "--json" })).RootElement;
        Assert.Equal("h264", summary.GetProperty("Codec").GetString());
        Assert.Equal("h264", (await Ffprobe.ProbeAsync(output)).StreamOf("video")!.CodecName);

        // serve runs the configured stream in a helper process (itself, with --report), whose JSON report lines it reads.
        var served = temp.File("served.json");
        var document = JsonDocument.Parse(File.ReadAllText(config)).RootElement.GetProperty("xprotect").GetRawText();
        File.WriteAllText(served, $$"""
            { "listeners": { "rtmp": { "listen": "127.0.0.1:0" }, "rtsp": { "listen": "127.0.0.1:0" } }, "api": { "listen": "127.0.0.1:0" }, "xprotect": {{document}},
              "streams": [ { "name": "lobby", "source": "xprotect:Lobby", "destinations": [ { "url": "{{nginx.Url("lobby")}}" } ] } ] }
            """);
        await using var serve = PeerProcess.Start(rtmpx, new[] { "serve", "--config", served }, workingDirectory: temp.Path);
        var api = await RtmpxCli.StatusApiAsync(serve, Step);
        await nginx.WaitForPublishAsync("lobby", Step);
        var pulled = temp.File("pulled.flv");
        await DoubleMedia.RunAsync("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-i", nginx.Url("lobby"), "-t", "3", "-c", "copy", "-f", "flv", pulled });
        Assert.Equal("h264", (await Ffprobe.ProbeAsync(pulled)).StreamOf("video")!.CodecName);

        var relay = JsonDocument.Parse(await DoubleMedia.RunAsync(rtmpx, new[] { "stream", "status", "lobby", "--api", api, "--json" })).RootElement;
        Assert.Equal("Streaming", relay.GetProperty("state").GetString());
        var status = JsonDocument.Parse(await DoubleMedia.RunAsync(rtmpx, new[] { "status", "--api", api, "--json" })).RootElement;
        Assert.Equal(JsonValueKind.Object, status.GetProperty("rejections").ValueKind);
        using var http = new HttpClient();
        using var missing = await http.GetAsync(api + "/api/relays/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No such stream.", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        XProtectSite.AssertNoSecret(site, serve.StandardErrorTail() + serve.StandardOutputTail());
    }

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("o", CultureInfo.InvariantCulture);
}
