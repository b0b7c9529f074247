using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Harness;

/// <summary>The process driver itself, proved with /bin/sh so it runs wherever the peers are absent.</summary>
public sealed class PeerProcessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [PeerFact("sh")]
    public async Task Passes_each_argument_verbatim_without_shell_quoting()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "printf '%s|' \"$@\"; echo", "sh", "a b", "$HOME", "'q'" });
        var line = await sh.WaitForOutputAsync(l => l.EndsWith('|'), Generous);
        Assert.Equal("a b|$HOME|'q'|", line);
        Assert.Equal(0, await sh.WaitForExitAsync(Generous));
    }

    [PeerFact("sh")]
    public async Task Returns_the_exit_code()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "exit 7" });
        Assert.Equal(7, await sh.WaitForExitAsync(Generous));
    }

    [PeerFact("sh")]
    public async Task Sees_a_line_on_stderr_printed_before_the_wait_began()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "echo ready >&2" });
        await sh.WaitForExitAsync(Generous);
        var line = await sh.WaitForOutputAsync(l => l == "ready", Generous);
        Assert.Equal("ready", line);
    }

    [PeerFact("sh")]
    public async Task With_after_counts_only_a_line_printed_after_the_last_marker()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "echo listening 1 >&2; echo stopped >&2; echo listening 2 >&2" });
        await sh.WaitForExitAsync(Generous);
        var line = await sh.WaitForOutputAsync(l => l.StartsWith("listening", StringComparison.Ordinal), Generous, after: l => l == "stopped");
        Assert.Equal("listening 2", line);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => sh.WaitForOutputAsync(l => l == "listening 1", Generous, after: l => l == "stopped"));
    }

    [PeerFact("sh")]
    public async Task Fails_fast_when_the_process_ends_without_the_line()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "echo something else >&2" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => sh.WaitForOutputAsync(l => l == "never", TimeSpan.FromMinutes(5)));
        Assert.Contains("something else", error.Message);
    }

    [PeerFact("sh", "sleep")]
    public async Task Kills_a_process_that_outlives_its_timeout_and_reports_stderr()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "echo about to hang >&2; sleep 600" });
        await sh.WaitForOutputAsync(l => l == "about to hang", Generous);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => sh.WaitForExitAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("about to hang", error.Message);
        Assert.True(sh.HasExited);
    }

    [PeerFact("sh")]
    public async Task Keeps_only_the_last_lines_of_a_long_output()
    {
        await using var sh = PeerProcess.Start("sh", new[] { "-c", "i=0; while [ $i -lt 1000 ]; do echo line$i >&2; i=$((i+1)); done" });
        Assert.Equal(0, await sh.WaitForExitAsync(Generous));
        var lines = sh.StandardErrorTail().Split('\n');
        Assert.Equal(PeerProcess.TailLines, lines.Length);
        Assert.Equal("line999", lines.Last());
        Assert.Equal("line800", lines.First());
    }

    [Fact]
    public void Names_the_install_script_when_a_program_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => PeerProcess.Start("rtmpx-no-such-peer", Array.Empty<string>()));
        Assert.Equal("rtmpx-no-such-peer is not installed; .ci/run installs it with apt-get", error.Message);
    }

    [Fact]
    public void Skips_a_missing_peer_only_outside_ci()
    {
        var reason = PeerRequirement.SkipReason(new[] { "rtmpx-no-such-peer" });
        if (PeerRequirement.IsCi)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Contains("rtmpx-no-such-peer", reason);
        }
    }
}
