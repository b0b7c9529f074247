using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>`rtmpx stream run --source --to`: a stream without a configuration file, to an in-process rtmpx.</summary>
public class CliOneOffStreamTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task A_one_off_stream_reaches_every_destination_logs_its_states_masked_and_stops_on_sigterm()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 5, bFrames: 0);
        await using var server = new InProcessServer();
        File.WriteAllText(temp.File("to.txt"), "# YouTube\n" + server.Url("a") + "?key=file-secret-1\n");
        await using var run = RtmpxCli.Start("stream", "run", "--source", flv, "--to-file", temp.File("to.txt"), "--to", server.Url("b") + "?key=argv-secret-2");

        await server.Published("a", Step);
        await server.Published("b", Step);
        await run.WaitForOutputAsync(l => l.Contains("one-off: Streaming"), Step);
        await run.WaitForOutputAsync(l => l.Contains($"one-off → rtmp://127.0.0.1:{server.Port}/live/****: Streaming"), Step);
        var warning = await run.WaitForOutputAsync(l => l.Contains("visible to every user"), Step);
        Assert.Contains($"rtmp://127.0.0.1:{server.Port}/live/****", warning);

        RtmpxCli.Terminate(run);
        Assert.Equal(0, await run.WaitForExitAsync(Step));
        await server.Unpublished("a", Step);
        await server.Unpublished("b", Step);
        var output = run.StandardErrorTail() + run.StandardOutputTail();
        Assert.Contains("Stopped one-off", output);
        Assert.DoesNotContain("file-secret-1", output);
        Assert.DoesNotContain("argv-secret-2", output);
    }

    [PeerFact("ffmpeg")]
    public async Task Urls_read_from_standard_input_stream_with_no_warning_and_no_key_in_the_output()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 5, bFrames: 0);
        await using var server = new InProcessServer();
        var urls = server.Url("a") + "?key=stdin-secret-1\n" + server.Url("b") + "?key=stdin-secret-2\n";
        await using var run = RtmpxCli.StartWithInput(urls, "stream", "run", "--source", flv, "--to", "-");

        await server.Published("a", Step);
        await server.Published("b", Step);
        await run.WaitForOutputAsync(l => l.Contains("one-off: Streaming"), Step);

        RtmpxCli.Terminate(run);
        Assert.Equal(0, await run.WaitForExitAsync(Step));
        var output = run.StandardErrorTail() + run.StandardOutputTail();
        Assert.DoesNotContain("visible to every user", output);
        Assert.DoesNotContain("stdin-secret", output);
    }

    [Theory]
    [InlineData(new[] { "stream", "run", "--source", "a.flv" }, "--source needs at least one --to URL")]
    [InlineData(new[] { "stream", "run", "cam" }, "NAME needs --config FILE")]
    [InlineData(new[] { "stream", "run", "cam", "--config", "x.json", "--source", "a.flv" }, "not both")]
    [InlineData(new[] { "stream", "run", "--source", "a.flv", "--to", "rtmp://h/app/s", "--report" }, "--report is for configured streams")]
    public async Task Wrong_combinations_are_refused_before_anything_runs(string[] arguments, string error)
    {
        await using var run = RtmpxCli.Start(arguments);
        Assert.NotEqual(0, await run.WaitForExitAsync(Step));
        Assert.Contains(error, run.StandardErrorTail() + run.StandardOutputTail());
    }

    [Fact]
    public async Task An_ingest_source_outside_serve_is_refused_clearly_without_the_key()
    {
        await using var run = RtmpxCli.Start("stream", "run", "--source", "ingest:live/cam1", "--to", "rtmp://127.0.0.1:1/live/out?key=secret-4");
        Assert.Equal(2, await run.WaitForExitAsync(Step));
        var output = run.StandardErrorTail() + run.StandardOutputTail();
        Assert.Contains("one-off: An ingest:APP/STREAM source needs the in-process ingest server; none runs here.", output);
        Assert.DoesNotContain("secret-4", output);
    }

    [Fact]
    public async Task A_destination_that_is_no_rtmp_url_is_refused_without_quoting_it()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("to.txt"), "https://example.com/live/secret-3\n");
        await using var run = RtmpxCli.Start("stream", "run", "--source", "a.flv", "--to-file", temp.File("to.txt"));
        Assert.Equal(2, await run.WaitForExitAsync(Step));
        Assert.Contains("Destination 1 must be an rtmp:// or rtmps:// URL with a stream name.", run.StandardErrorTail());
        Assert.DoesNotContain("secret-3", run.StandardErrorTail() + run.StandardOutputTail());
    }
}
