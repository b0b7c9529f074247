using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    /// <summary>A worker that records its life and crashes when told.</summary>
    internal sealed class FakeWorker : IStreamWorker
    {
        private readonly TaskCompletionSource<bool> _done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public FakeWorker(StreamDefinition definition)
        {
            Definition = definition;
        }

        public event Action<StreamerEvent>? EventRaised;

        public StreamDefinition Definition { get; }

        public Task Completion => _done.Task;

        public LogRing Log { get; } = new LogRing(10);

        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public void Start() => Started = true;

        public Task StopAsync()
        {
            Stopped = true;
            _done.TrySetResult(true);
            return Task.CompletedTask;
        }

        public void Crash() => _done.TrySetException(new InvalidOperationException("boom"));

        public void Raise(StreamerEvent e) => EventRaised?.Invoke(e);

        public StreamerStatus Status() => new StreamerStatus { Name = Definition.Name, State = StreamerState.Streaming };

        public ValueTask DisposeAsync() => new ValueTask(StopAsync());
    }
}
