using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Dsc;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx instance` as an operator types it: install, a path keyed from a key file, show.</summary>
public sealed class InstanceCliTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private readonly DscSandbox _machine = new DscSandbox();

    public void Dispose() => _machine.Dispose();

    [Fact]
    public async Task A_path_takes_its_keys_from_a_file_in_the_form_serve_reads_and_show_masks_them()
    {
        Assert.Equal(0, await Run("instance", "install", "cli1", "--package", _machine.PlaceholderPackage("0.7.0"), "--root", _machine.Root("cli1"), "--rtmp", "127.0.0.1:19391", "--api", "none", "--service", "None"));
        var keys = Path.Combine(_machine.Folder, "cam1.keys");
        File.WriteAllLines(keys, new[] { "# cam1's keys", "live/cam1 cli-path-key-1", "cli-any-key-2" });

        Assert.Equal(0, await Run("instance", "path", "cli1", "live/cam1", "--key-file", keys));

        await using var show = RtmpxCli.StartWithEnvironment(_machine.Environment, "instance", "show", "cli1");
        Assert.Equal(0, await show.WaitForExitAsync(Step));
        var shown = show.StandardOutputTail();
        Assert.Equal(2, JsonNode.Parse(shown)!["paths"]![0]!["publishKeyCount"]!.GetValue<int>());
        Assert.DoesNotContain("cli-path-key-1", shown);
        Assert.DoesNotContain("cli-any-key-2", shown);

        File.WriteAllLines(keys, new[] { "live/other cli-path-key-3" });
        await using var refused = RtmpxCli.StartWithEnvironment(_machine.Environment, "instance", "path", "cli1", "live/cam1", "--key-file", keys);
        Assert.Equal(2, await refused.WaitForExitAsync(Step));
        Assert.Contains("has keys for path live/other", refused.StandardErrorTail());
        Assert.DoesNotContain("cli-path-key-3", refused.StandardErrorTail());
    }

    private async Task<int> Run(params string[] arguments)
    {
        await using var rtmpx = RtmpxCli.StartWithEnvironment(_machine.Environment, arguments);
        var code = await rtmpx.WaitForExitAsync(Step);
        Assert.True(code == 0, $"rtmpx {string.Join(" ", arguments)} exited {code}: {rtmpx.StandardErrorTail()}");
        return code;
    }
}
