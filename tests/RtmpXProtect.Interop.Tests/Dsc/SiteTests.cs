using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// dsc/examples/site.dsc.yaml applied as dsc applies it, with the three recording servers as three roots
/// of this machine (service none, each instance run as its service would run it: ROOT/bin/rtmpx serve
/// --config ROOT/rtmpx.json, from the real self-contained package), nginx-rtmp standing in for YouTube.
/// </summary>
public sealed class SiteTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private static readonly string[] Servers = { "rs1", "rs2", "rs3" };
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, (int Rtmp, int Rtmps, int Api)> _ports = Servers.ToDictionary(s => s, _ => (FreePort.Get(), FreePort.Get(), FreePort.Get()));
    private readonly Dictionary<string, PeerProcess> _running = new Dictionary<string, PeerProcess>();
    private DscSandbox _machine = null!;
    private NginxRtmp _youtube = null!;
    private TempDirectory _media = null!;
    private JsonObject _document = null!;

    public SiteTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _machine = new DscSandbox(RtmpxPackages.Folder());
        _youtube = await NginxRtmp.StartAsync();
        _media = new TempDirectory();
        _document = (JsonObject)YamlJson.Read(File.ReadAllText(Path.Combine(RtmpxPackages.RepositoryRoot(), "dsc", "examples", "site.dsc.yaml")))!;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _running.Values)
        {
            await process.DisposeAsync();
        }

        await _youtube.DisposeAsync();
        _media.Dispose();
        _machine.Dispose();
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx", "clang")]
    public async Task Three_servers_from_one_document_applied_twice_repaired_renewed_upgraded_and_removed()
    {
        var source = await Ffmpeg.MakeTestFlvAsync(_media.Path, seconds: 2, bFrames: 0);
        var longSource = await Ffmpeg.MakeTestFlvAsync(_media.Path, seconds: 8, bFrames: 0);

        // First apply: everything is made.
        var first = _machine.Engine.ConfigSet(_document, Parameters(certificateDays: 10, renewDaysBefore: 5));
        Assert.All(Results(first), r => Assert.NotNull(r["result"]!["changedProperties"]));
        foreach (var server in Servers)
        {
            Start(server);
        }

        foreach (var server in Servers)
        {
            await WaitReadyAsync(server);
            Assert.Equal($"CN={server}.site.test", await CertificateSubjectAsync(server));
            await using var publish = Ffmpeg.Publish(source, $"rtmps://127.0.0.1:{_ports[server].Rtmps}/live/cam1?key={Key(server)}");
            Assert.Equal(0, await publish.WaitForExitAsync(Step));
            await _youtube.WaitForPublishAsync($"{server}-out-key", Step);
        }

        // Second apply: every resource in its desired state, no file rewritten, no process restarted.
        var stamps = Stamps();
        var pids = _running.ToDictionary(p => p.Key, p => p.Value.Id);
        var second = _machine.Engine.ConfigSet(_document, Parameters(certificateDays: 10, renewDaysBefore: 5));
        Assert.All(Results(second), r => Assert.Null(r["result"]!["changedProperties"]));
        Assert.Equal(stamps, Stamps());
        Assert.All(_running, p => Assert.False(p.Value.HasExited, p.Key));
        Assert.Equal(pids, _running.ToDictionary(p => p.Key, p => p.Value.Id));
        Keep("site-second-apply.json", second);

        // Drift on rs1 (rtmpx.json edited by hand, its key changed) and rs3 (its certificate deleted),
        // while ffmpeg publishes to rs2 and a player there counts the frames.
        var received = Path.Combine(_media.Path, "rs2-received.flv");
        await using (var player = Ffmpeg.Play($"rtmp://127.0.0.1:{_ports["rs2"].Rtmp}/live/cam1", received))
        {
            await _running["rs2"].WaitForOutputAsync(l => l.Contains("plays live/cam1"), Step);
            await using var publisher = Ffmpeg.Publish(longSource, $"rtmps://127.0.0.1:{_ports["rs2"].Rtmps}/live/cam1?key={Key("rs2")}");
            await _running["rs2"].WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);

            var rs1Config = Path.Combine(_machine.Root("rs1"), "rtmpx.json");
            File.WriteAllText(rs1Config, File.ReadAllText(rs1Config).Replace("\"maxConnectionsPerAddress\": 20", "\"maxConnectionsPerAddress\": 3").Replace(Key("rs1"), "a-key-someone-typed"));
            File.Delete(Path.Combine(_machine.Root("rs3"), "certs", "rtmps.pfx"));
            var drift = _machine.Engine.ConfigTest(_document, Parameters(certificateDays: 10, renewDaysBefore: 5));
            Assert.Equal(
                new[] { "rs1", "rs1 cam1", "rs3 certificate" },
                Results(drift).Where(r => !r["result"]!["inDesiredState"]!.GetValue<bool>()).Select(r => r["name"]!.GetValue<string>()));

            _machine.Engine.ConfigSet(_document, Parameters(certificateDays: 10, renewDaysBefore: 5));
            Assert.All(Results(_machine.Engine.ConfigTest(_document, Parameters(certificateDays: 10, renewDaysBefore: 5))), r => Assert.True(r["result"]!["inDesiredState"]!.GetValue<bool>(), r["name"]!.GetValue<string>()));

            // If rs3 reloaded while its certificate was gone, it stopped RTMPS until the file came back
            // (as it logs); the new file starts it again by the file watch, after Set has returned. Only a
            // listening line after the wait counts: the first start's is still in the tail.
            const string waiting = "RTMPS waits for its certificate";
            if (_running["rs3"].StandardErrorTail().Contains(waiting, StringComparison.Ordinal))
            {
                await _running["rs3"].WaitForOutputAsync(
                    l => l.Contains($"Listening on 127.0.0.1:{_ports["rs3"].Rtmps}", StringComparison.Ordinal), Step, after: l => l.Contains(waiting, StringComparison.Ordinal));
            }

            Assert.Equal($"CN=rs3.site.test", await CertificateSubjectAsync("rs3"));
            Assert.Contains("maxConnectionsPerAddress\": 20", File.ReadAllText(rs1Config));

            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
            Assert.Equal(0, await player.WaitForExitAsync(Step));
        }

        Assert.Equal((await Ffprobe.ProbeAsync(longSource)).CountOf("video"), (await Ffprobe.ProbeAsync(received)).CountOf("video"));

        // A policy of 30 days' notice finds rs1's 10-day certificate inside it: renewed under a live publisher.
        var renewedPlay = Path.Combine(_media.Path, "rs1-received.flv");
        JsonObject renewal;
        await using (var player = Ffmpeg.Play($"rtmp://127.0.0.1:{_ports["rs1"].Rtmp}/live/cam1", renewedPlay))
        {
            await _running["rs1"].WaitForOutputAsync(l => l.Contains("plays live/cam1"), Step);
            await using var publisher = Ffmpeg.Publish(longSource, $"rtmps://127.0.0.1:{_ports["rs1"].Rtmps}/live/cam1?key={Key("rs1")}");
            await _running["rs1"].WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);
            var before = await CertificateThumbprintAsync("rs1");
            renewal = _machine.Engine.ConfigSet(_document, Parameters(certificateDays: 60, renewDaysBefore: 30));
            Assert.Equal(
                new[] { "rs1 certificate", "rs2 certificate", "rs3 certificate" },
                Results(renewal).Where(r => r["result"]!["changedProperties"] != null).Select(r => r["name"]!.GetValue<string>()));
            await _running["rs1"].WaitForOutputAsync(l => l.Contains("rtmps listener restarted"), Step);
            Assert.NotEqual(before, await CertificateThumbprintAsync("rs1"));
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
            Assert.Equal(0, await player.WaitForExitAsync(Step));
        }

        Assert.Equal((await Ffprobe.ProbeAsync(longSource)).CountOf("video"), (await Ffprobe.ProbeAsync(renewedPlay)).CountOf("video"));

        // A newer package (the same files labelled one patch later) upgrades rs2: bin/ is replaced and,
        // with service none, its supervisor restarts it.
        var newer = Path.Combine(_machine.Folder, "packages", "rtmpx-newer");
        CopyFolder(RtmpxPackages.Folder(), newer);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(newer, "rtmpx.package.json")))!.AsObject();
        var version = Version.Parse(manifest["version"]!.GetValue<string>());
        manifest["version"] = new Version(version.Major, version.Minor, version.Build + 1).ToString();
        File.WriteAllText(Path.Combine(newer, "rtmpx.package.json"), manifest.ToJsonString());
        var upgrade = new JsonObject
        {
            ["$schema"] = "https://aka.ms/dsc/schemas/v3/bundled/config/document.json",
            ["resources"] = new JsonArray(new JsonObject
            {
                ["name"] = "rs2",
                ["type"] = "RtmpXProtect/Instance",
                ["properties"] = new JsonObject { ["name"] = "rs2", ["package"] = newer },
            }),
        };
        var upgraded = Results(_machine.Engine.ConfigSet(upgrade, new Dictionary<string, JsonNode?>())).Single()["result"]!;
        Assert.Equal(manifest["version"]!.GetValue<string>(), upgraded["afterState"]!["version"]!.GetValue<string>());
        RtmpxCli.Terminate(_running["rs2"]);
        Assert.Equal(0, await _running["rs2"].WaitForExitAsync(Step));
        await _running["rs2"].DisposeAsync();
        Start("rs2");
        await WaitReadyAsync("rs2");
        await using (var publish = Ffmpeg.Publish(source, $"rtmps://127.0.0.1:{_ports["rs2"].Rtmps}/live/cam1?key={Key("rs2")}"))
        {
            Assert.Equal(0, await publish.WaitForExitAsync(Step));
        }

        // _exist false removes rs3 (its supervisor stops it first) and leaves nothing behind.
        RtmpxCli.Terminate(_running["rs3"]);
        Assert.Equal(0, await _running["rs3"].WaitForExitAsync(Step));
        var removal = JsonNode.Parse("""
            { "$schema": "https://aka.ms/dsc/schemas/v3/bundled/config/document.json",
              "resources": [ { "name": "rs3", "type": "RtmpXProtect/Instance", "properties": { "name": "rs3", "_exist": false } } ] }
            """)!.AsObject();
        _machine.Engine.ConfigSet(removal, new Dictionary<string, JsonNode?>());
        Assert.False(Directory.Exists(_machine.Root("rs3")));
        Assert.Equal(new[] { "rs1.json", "rs2.json" }, Directory.GetFiles(_machine.Environment["RTMPX_INSTANCE_REGISTRY"]!).Select(Path.GetFileName).OrderBy(n => n));
        Assert.DoesNotContain(_machine.Engine.Export("RtmpXProtect/Instance"), i => i["name"]!.GetValue<string>() == "rs3");

        // No key reached any log of any instance, nor the result documents.
        var everything = string.Join("\n", _running.Values.Select(p => p.StandardErrorTail() + p.StandardOutputTail())) + first.ToJsonString() + second.ToJsonString() + renewal.ToJsonString();
        foreach (var server in Servers)
        {
            Assert.DoesNotContain(Key(server), everything);
            Assert.DoesNotContain($"{server}-out-key", everything);
        }
    }

    private static string Key(string server) => $"{server}-publish-key-93a";

    private static IEnumerable<JsonObject> Results(JsonObject document) => ((JsonArray)document["results"]!).Cast<JsonObject>();

    private Dictionary<string, JsonNode?> Parameters(int certificateDays, int renewDaysBefore)
    {
        var parameters = new Dictionary<string, JsonNode?>
        {
            ["package"] = RtmpxPackages.Zip(),
            ["siteRoot"] = Path.Combine(_machine.Folder, "roots"),
            ["service"] = "none",
            ["domain"] = "site.test",
            ["certificateDays"] = certificateDays,
            ["renewDaysBefore"] = renewDaysBefore,
        };
        foreach (var server in Servers)
        {
            var (rtmp, rtmps, api) = _ports[server];
            parameters[server] = new JsonObject { ["rtmp"] = $"127.0.0.1:{rtmp}", ["rtmps"] = $"127.0.0.1:{rtmps}", ["api"] = $"127.0.0.1:{api}" };
            parameters[server + "PublishKey"] = Key(server);
            parameters[server + "StreamUrl"] = _youtube.Url($"{server}-out-key");
        }

        return parameters;
    }

    private void Start(string server)
    {
        var root = _machine.Root(server);
        _running[server] = PeerProcess.Start(Path.Combine(root, "bin", "rtmpx"), new[] { "serve", "--config", Path.Combine(root, "rtmpx.json"), "--rtsp", "127.0.0.1:0" }, workingDirectory: root);
    }

    private async Task WaitReadyAsync(string server)
    {
        await _running[server].WaitForOutputAsync(l => l.Contains("rtmpx listening for RTMPS on"), Step);
        await _running[server].WaitForOutputAsync(l => l.Contains("Status API on"), Step);
    }

    private async Task<string?> CertificateSubjectAsync(string server)
        => (await EndpointProbe.ProbeAsync($"rtmps://127.0.0.1:{_ports[server].Rtmps}/live", new EndpointProbeOptions { AllowUntrustedCertificate = true, Timeout = TimeSpan.FromSeconds(10) })).CertificateSubject;

    private async Task<string?> CertificateThumbprintAsync(string server)
    {
        var probe = await EndpointProbe.ProbeAsync($"rtmps://127.0.0.1:{_ports[server].Rtmps}/live", new EndpointProbeOptions { AllowUntrustedCertificate = true, Timeout = TimeSpan.FromSeconds(10) });
        return probe.CertificateSubject + " " + probe.CertificateNotAfter;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    // Every file of the three roots and the registry, with its last write.
    private Dictionary<string, DateTime> Stamps() => Directory.GetFiles(_machine.Folder, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "logs" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    // The result document, for the closing note and for a reader of a failed run.
    private void Keep(string name, JsonObject document)
    {
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var folder = Path.Combine(RtmpxPackages.RepositoryRoot(), "artifacts", "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), text);
        _output.WriteLine(text);
    }
}
