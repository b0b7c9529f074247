using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Streaming;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog.Events;
using Serilog.Parsing;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>
/// The pure parts of helper supervision: the CLI's report writer read by the engine's parser, and the
/// reload diff as serve uses it through the engine's supervisor. The parser's own rules are tested in
/// the engine (Streaming/Helpers/HelperReportTests).
/// </summary>
public class CliSupervisionTests
{
    [Fact]
    public void Report_lines_round_trip_through_the_writer_and_the_parser()
    {
        var output = new StringWriter();
        var writer = new ReportWriter(output);
        var at = new DateTimeOffset(2026, 11, 21, 18, 0, 1, 120, TimeSpan.Zero);
        writer.Event(new StreamerEvent { Kind = StreamerEventKind.DestinationStateChanged, Stream = "cam", Destination = "rtmp://h:1935/live/****", State = StreamerState.Reconnecting, Message = "Reconnecting", Time = at });
        writer.Status(new StreamerStatus
        {
            Name = "cam",
            Source = "cam.flv",
            State = StreamerState.Streaming,
            Uptime = TimeSpan.FromSeconds(62.5),
            BitrateKbps = 812,
            Fps = 25,
            FramesSent = 1200,
            FramesDropped = 3,
            Destinations = new[]
            {
                new DestinationStatus { Destination = "rtmp://a:1935/live/****", State = StreamerState.Streaming, BitrateKbps = 815, Fps = 25, FramesSent = 1200 },
                new DestinationStatus { Destination = "rtmp://b:1935/live/****", State = StreamerState.Reconnecting, LastError = "connection refused", FramesDropped = 3, Reconnects = 2 },
            },
        });
        writer.Emit(new LogEvent(at, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("Lost {Destination}"), new[] { new LogEventProperty("Destination", new ScalarValue("rtmp://h:1935/live/****")) }));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(HelperReport.TryParse).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(ReportLine.EventType, lines[0]!.Type);
        Assert.Equal(StreamerEventKind.DestinationStateChanged, lines[0]!.Event!.Kind);
        Assert.Equal("rtmp://h:1935/live/****", lines[0]!.Event!.Destination);
        Assert.Equal(StreamerState.Reconnecting, lines[0]!.Event!.State);
        Assert.Equal(at, lines[0]!.Event!.Time);
        Assert.Equal(ReportLine.StatusType, lines[1]!.Type);
        var status = lines[1]!.Status!;
        Assert.Equal((StreamerState.Streaming, 812L, 25L, 1200L, 3L), (status.State, status.BitrateKbps, status.Fps, status.FramesSent, status.FramesDropped));
        Assert.Equal(TimeSpan.FromSeconds(62.5), status.Uptime);
        Assert.Equal(2, status.Destinations.Count);
        Assert.Equal((StreamerState.Reconnecting, "connection refused", 3L, 2), (status.Destinations[1].State, status.Destinations[1].LastError, status.Destinations[1].FramesDropped, status.Destinations[1].Reconnects));
        Assert.Equal(ReportLine.LogType, lines[2]!.Type);
        Assert.Equal("WRN", lines[2]!.Level);
        Assert.Equal("Lost rtmp://h:1935/live/****", lines[2]!.Text);
        Assert.Equal(120, lines[2]!.Time.Millisecond);
    }

    [Fact]
    public async Task A_reload_restarts_only_the_streams_whose_definition_changed()
    {
        var made = new List<FakeWorker>();
        await using var supervisor = new StreamSupervisor(d =>
        {
            var worker = new FakeWorker(d);
            lock (made)
            {
                made.Add(worker);
            }

            return worker;
        });

        var first = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/app/KEY-A"), Stream("b", "rtmp://h/app/KEY-B"), Stream("c", "rtmp://h/app/KEY-C"), Stream("off", "rtmp://h/app/KEY-D", enabled: false) });
        Assert.Equal(new[] { "a", "b", "c", "off" }, first.Added);
        var a = await Started(made, "a");
        var b = await Started(made, "b");
        var c = await Started(made, "c");

        // b's key changed (a new URL file), c is gone, d is new, a is as it was, off is now enabled.
        var second = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/app/KEY-A"), Stream("b", "rtmp://h/app/KEY-B2"), Stream("d", "rtmp://h/app/KEY-E"), Stream("off", "rtmp://h/app/KEY-D") });
        Assert.Equal(new[] { "d" }, second.Added);
        Assert.Equal(new[] { "b", "off" }, second.Changed);
        Assert.Equal(new[] { "c" }, second.Removed);
        Assert.Equal(new[] { "a" }, second.Unchanged);
        await Started(made, "d");
        await Started(made, "off");
        Assert.Equal((1, 0), (a.Starts, a.Stops));
        Assert.Equal((1, 1), (b.Starts, b.Stops));
        Assert.Equal((1, 1), (c.Starts, c.Stops));
        Assert.Equal(6, made.Count);

        var statuses = supervisor.Status();
        Assert.Equal(new[] { "a", "b", "d", "off" }, statuses.Select(s => s.Name));
        Assert.All(statuses, s => Assert.DoesNotContain("KEY", string.Join(" ", s.Destinations.Select(d => d.Destination))));
        Assert.Same(a.Log, supervisor.Log("A"));
    }

    [Fact]
    public async Task A_disabled_stream_is_listed_as_disabled_and_never_started()
    {
        var made = 0;
        await using var supervisor = new StreamSupervisor(d =>
        {
            made++;
            return new FakeWorker(d);
        });
        await supervisor.ApplyAsync(new[] { Stream("off", "rtmp://h/app/KEY", enabled: false) });
        Assert.Equal(0, made);
        Assert.Equal(StreamerState.Disabled, supervisor.Status().Single().State);
        Assert.Empty(supervisor.Log("off")!.Tail(10));
    }

    // The supervisor starts workers on its own task: wait for the one of a name.
    private static async Task<FakeWorker> Started(List<FakeWorker> made, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            lock (made)
            {
                if (made.LastOrDefault(w => w.Definition.Name == name && w.Starts == 1) is { } worker)
                {
                    return worker;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} never started");
            await Task.Delay(10);
        }
    }

    private static StreamDefinition Stream(string name, string url, bool enabled = true) => new()
    {
        Name = name,
        Source = "cam.flv",
        Enabled = enabled,
        Destinations = { new DestinationDefinition { Url = url } },
    };

    private sealed class FakeWorker : IStreamWorker
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public FakeWorker(StreamDefinition definition) => Definition = definition;

        public event Action<StreamerEvent>? EventRaised
        {
            add { }
            remove { }
        }

        public StreamDefinition Definition { get; }

        public Task Completion => _done.Task;

        public LogRing Log { get; } = new(10);

        public int Starts { get; private set; }

        public int Stops { get; private set; }

        public StreamerStatus Status() => new()
        {
            Name = Definition.Name,
            State = StreamerState.Streaming,
            Destinations = Definition.Destinations.Select(d => new DestinationStatus { Destination = d.Shown }).ToList(),
        };

        public void Start() => Starts++;

        public Task StopAsync()
        {
            Stops++;
            _done.TrySetResult();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => _done.Task.IsCompleted ? ValueTask.CompletedTask : new ValueTask(StopAsync());
    }
}
