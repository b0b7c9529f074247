using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    public class StreamSupervisorTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        private readonly ConcurrentQueue<FakeWorker> _workers = new ConcurrentQueue<FakeWorker>();
        private readonly SemaphoreSlim _created = new SemaphoreSlim(0);

        [Fact]
        public async Task Apply_restarts_only_the_stream_whose_definition_changed()
        {
            await using var supervisor = new StreamSupervisor(Create, Options());
            var first = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/live/k1"), Stream("b", "rtmp://h/live/k2"), Stream("c", "rtmp://h/live/k3", enabled: false) });
            Assert.Equal(new[] { "a", "b", "c" }, first.Added);
            await WaitForWorkers(2);
            var a = Worker("a");
            var b = Worker("b");

            // New objects with the same content are no change; b gets another key, c goes away.
            var second = await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/live/k1"), Stream("b", "rtmp://h/live/OTHER") });
            Assert.Equal(new[] { "a" }, second.Unchanged);
            Assert.Equal(new[] { "b" }, second.Changed);
            Assert.Equal(new[] { "c" }, second.Removed);
            await WaitForWorkers(3);
            Assert.False(a.Stopped);
            Assert.True(b.Stopped);
            Assert.Equal("rtmp://h/live/OTHER", _workers.Last().Definition.Destinations[0].Url);
            Assert.Equal(new[] { "a", "b" }, supervisor.Status().Select(s => s.Name));
        }

        [Fact]
        public async Task A_disabled_stream_reads_disabled_and_runs_no_worker()
        {
            await using var supervisor = new StreamSupervisor(Create, Options());
            await supervisor.ApplyAsync(new[] { Stream("off", "rtmp://h/live/k", enabled: false) });
            Assert.Equal(StreamerState.Disabled, supervisor.Status().Single().State);
            Assert.Empty(_workers);
        }

        [Fact]
        public async Task A_crashed_worker_is_restarted_and_the_crash_raised_as_an_event()
        {
            var events = new ConcurrentQueue<StreamerEvent>();
            await using var supervisor = new StreamSupervisor(Create, Options());
            supervisor.EventRaised += events.Enqueue;
            await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/live/k") });
            await WaitForWorkers(1);
            _workers.Single().Crash();
            await WaitForWorkers(2);
            var crash = Assert.Single(events, e => e.Kind == StreamerEventKind.WorkerCrashed);
            Assert.Equal("a", crash.Stream);
            Assert.Contains("boom", crash.Message, StringComparison.Ordinal);

            // The supervisor's own knowledge: a restart counted, the crash as last error, a line in the stream's log.
            var status = supervisor.Status("A");
            Assert.NotNull(status);
            Assert.Equal(1, status!.Restarts);
            Assert.Equal("worker crashed: InvalidOperationException: boom", status.LastError);
            Assert.Contains(_workers.First().Log.Tail(10), l => l.Text.Contains("worker crashed (InvalidOperationException: boom); restart in", StringComparison.Ordinal));
            Assert.Same(_workers.Last().Log, supervisor.Log("a"));
            Assert.Null(supervisor.Status("nope"));
            Assert.Null(supervisor.Log("nope"));

            // The new worker's events reach the supervisor's subscribers.
            _workers.Last().Raise(new StreamerEvent { Kind = StreamerEventKind.Connected, Stream = "a" });
            Assert.Contains(events, e => e.Kind == StreamerEventKind.Connected);
        }

        [Fact]
        public async Task Disposing_stops_every_worker_and_two_streams_with_one_name_are_refused()
        {
            var supervisor = new StreamSupervisor(Create, Options());
            await Assert.ThrowsAsync<ArgumentException>(() => supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/live/1"), Stream("a", "rtmp://h/live/2") }));
            await supervisor.ApplyAsync(new[] { Stream("a", "rtmp://h/live/1"), Stream("b", "rtmp://h/live/2") });
            await WaitForWorkers(2);
            await supervisor.DisposeAsync();
            Assert.All(_workers, w => Assert.True(w.Stopped));
        }

        [Fact]
        public async Task In_process_workers_run_real_streamers()
        {
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            await using var supervisor = new StreamSupervisor(d => new InProcessStreamWorker(d, _ => source, StreamerTests.Fast()), Options());
            var connected = new TaskCompletionSource<StreamerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            supervisor.EventRaised += e =>
            {
                if (e.Kind == StreamerEventKind.Connected)
                {
                    connected.TrySetResult(e);
                }
            };
            await supervisor.ApplyAsync(new[] { Stream("cam", StreamerTests.Url(server, "cam1")) });
            var e = await connected.Task.WaitAsync(Timeout);
            Assert.Equal("cam", e.Stream);
            Assert.Equal($"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live/****", e.Destination);
        }

        private static StreamSupervisorOptions Options() => new StreamSupervisorOptions
        {
            RestartBackoffInitial = TimeSpan.FromMilliseconds(20),
            RestartBackoffMax = TimeSpan.FromMilliseconds(100),
            Random = new Random(5),
        };

        private static StreamDefinition Stream(string name, string url, bool enabled = true) => new StreamDefinition
        {
            Name = name,
            Source = "scripted",
            Enabled = enabled,
            Destinations = new List<DestinationDefinition> { new DestinationDefinition { Url = url } },
        };

        private IStreamWorker Create(StreamDefinition definition)
        {
            var worker = new FakeWorker(definition);
            _workers.Enqueue(worker);
            _created.Release();
            return worker;
        }

        private async Task WaitForWorkers(int count)
        {
            while (_workers.Count < count)
            {
                Assert.True(await _created.WaitAsync(Timeout), "worker not created");
            }
        }

        private FakeWorker Worker(string name) => _workers.Single(w => w.Definition.Name == name);
    }
}
