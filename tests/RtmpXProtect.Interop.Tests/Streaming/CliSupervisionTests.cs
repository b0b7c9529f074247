using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Streaming;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using Serilog.Events;
using Serilog.Parsing;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>The pure parts of helper supervision: the report protocol, the restart backoff and the reload diff.</summary>
public class CliSupervisionTests
{
    [Fact]
    public void Report_lines_round_trip_through_the_writer_and_the_parser()
    {
        var output = new StringWriter();
        var writer = new ReportWriter(output);
        var progress = new RelayProgress();
        progress.SetState(StreamerState.Streaming);
        progress.Sent(1000, video: true, audio: false);
        progress.Sent(200, video: false, audio: true);
        writer.State(StreamerState.Reconnecting, "connection reset");
        writer.Status(progress, 812.44);
        writer.Emit(new LogEvent(new DateTimeOffset(2026, 11, 21, 18, 0, 1, 120, TimeSpan.Zero), LogEventLevel.Warning, null, new MessageTemplateParser().Parse("Lost {Destination}"), new[] { new LogEventProperty("Destination", new ScalarValue("rtmp://h:1935/live/****")) }));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(HelperReport.TryParse).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(ReportLine.StateType, lines[0]!.Type);
        Assert.Equal(StreamerState.Reconnecting, lines[0]!.State);
        Assert.Equal("connection reset", lines[0]!.Reason);
        Assert.Equal(ReportLine.StatusType, lines[1]!.Type);
        Assert.Equal(StreamerState.Streaming, lines[1]!.State);
        Assert.Equal(1200, lines[1]!.BytesSent);
        Assert.Equal(1, lines[1]!.VideoFrames);
        Assert.Equal(1, lines[1]!.AudioFrames);
        Assert.Equal(812.4, lines[1]!.BitrateKbps);
        Assert.NotNull(lines[1]!.StreamingSince);
        Assert.Equal(ReportLine.LogType, lines[2]!.Type);
        Assert.Equal("WRN", lines[2]!.Level);
        Assert.Equal("Lost rtmp://h:1935/live/****", lines[2]!.Text);
        Assert.Equal(120, lines[2]!.Time.Millisecond);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Unhandled exception. System.Exception: boom")]
    [InlineData("{\"type\":\"weather\",\"time\":\"2026-11-21T18:00:00Z\"}")]
    [InlineData("{\"type\":\"state\",\"state\":\"Sleeping\"}")]
    [InlineData("{\"type\":\"state\",")]
    [InlineData("[1,2,3]")]
    public void A_line_that_is_no_report_line_is_skipped(string? text)
        => Assert.Null(HelperReport.TryParse(text));

    [Fact]
    public void An_overlong_line_is_skipped_before_it_is_parsed()
    {
        var text = "{\"type\":\"log\",\"text\":\"" + new string('x', HelperReport.MaxLineLength) + "\"}";
        Assert.Null(HelperReport.TryParse(text));
    }

    [Fact]
    public void Random_input_never_throws_from_the_parser()
    {
        var random = new Random(4711);
        var valid = HelperReport.Format(new ReportLine { Type = ReportLine.StatusType, Time = DateTimeOffset.UnixEpoch, State = StreamerState.Streaming, BytesSent = 5 });
        for (var i = 0; i < 2000; i++)
        {
            var chars = valid.ToCharArray();
            for (var j = random.Next(1, 6); j > 0; j--)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7f);
            }

            _ = HelperReport.TryParse(new string(chars, 0, random.Next(1, chars.Length + 1)));
        }
    }

    [Fact]
    public void Restart_delays_double_up_to_the_cap_and_reset_after_a_stable_run()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var delays = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            // Crashes 5 s after each start: never stable.
            delays.Add(backoff.Next(t, t.AddSeconds(5)).TotalSeconds);
            t = t.AddSeconds(5 + delays[^1]);
        }

        Assert.Equal(new double[] { 1, 2, 4, 8, 10, 10 }, delays);
        Assert.Equal(1, backoff.Next(t, t.AddSeconds(60)).TotalSeconds);
        Assert.Equal(2, backoff.Next(t, t.AddSeconds(1)).TotalSeconds);
    }

    [Fact]
    public void Backoff_refuses_an_initial_delay_above_the_cap()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RestartBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

    [Fact]
    public async Task A_reload_restarts_only_the_streams_whose_definition_changed()
    {
        var made = new List<FakeWorker>();
        await using var supervisor = new RelaySupervisor(d =>
        {
            var worker = new FakeWorker(d);
            made.Add(worker);
            return worker;
        });

        var first = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/app/KEY-A"), Stream("b", "rtmp://h/app/KEY-B"), Stream("c", "rtmp://h/app/KEY-C"), Stream("off", "rtmp://h/app/KEY-D", enabled: false) });
        Assert.Equal(new[] { "a", "b", "c", "off" }, first.Started);
        Assert.Equal(3, made.Count);
        Assert.All(made, w => Assert.Equal(1, w.Starts));
        var a = made[0];
        var b = made[1];
        var c = made[2];

        // b's key changed (a new URL file), c is gone, d is new, a is as it was, off is now enabled.
        var second = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/app/KEY-A"), Stream("b", "rtmp://h/app/KEY-B2"), Stream("d", "rtmp://h/app/KEY-E"), Stream("off", "rtmp://h/app/KEY-D") });
        Assert.Equal(new[] { "d" }, second.Started);
        Assert.Equal(new[] { "b", "off" }, second.Restarted);
        Assert.Equal(new[] { "c" }, second.Stopped);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal((1, 0), (a.Starts, a.Stops));
        Assert.Equal((1, 1), (b.Starts, b.Stops));
        Assert.Equal((1, 1), (c.Starts, c.Stops));
        Assert.Equal(6, made.Count);
        Assert.DoesNotContain("KEY", second.ToString());

        var statuses = supervisor.Statuses();
        Assert.Equal(new[] { "a", "b", "d", "off" }, statuses.Select(s => s.Name));
        Assert.All(statuses, s => Assert.DoesNotContain("KEY", string.Join(" ", s.Destinations)));
        Assert.Same(a, supervisor.Find("A"));
    }

    [Fact]
    public async Task A_disabled_stream_is_listed_as_disabled_and_never_started()
    {
        var made = 0;
        await using var supervisor = new RelaySupervisor(d =>
        {
            made++;
            return new FakeWorker(d);
        });
        await supervisor.ApplyAsync(new[] { Stream("off", "rtmp://h/app/KEY", enabled: false) });
        Assert.Equal(0, made);
        Assert.Equal(StreamerState.Disabled, supervisor.Statuses().Single().State);
    }

    private static StreamDefinition Stream(string name, string url, bool enabled = true) => new()
    {
        Name = name,
        Source = "cam.flv",
        Enabled = enabled,
        Destinations = { new DestinationDefinition { Url = url } },
    };

    private sealed class FakeWorker : IRelayWorker
    {
        public FakeWorker(StreamDefinition definition) => Definition = definition;

        public StreamDefinition Definition { get; }

        public LogRing Log { get; } = new(10);

        public int Starts { get; private set; }

        public int Stops { get; private set; }

        public RelayStatus Status() => RelayStatuses.Idle(Definition, StreamerState.Streaming);

        public void Start() => Starts++;

        public Task StopAsync()
        {
            Stops++;
            return Task.CompletedTask;
        }
    }
}
