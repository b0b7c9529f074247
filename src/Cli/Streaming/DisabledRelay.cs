using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>A stream the configuration keeps but does not run: listed as Disabled, nothing started.</summary>
    internal sealed class DisabledRelay : IRelayWorker
    {
        public DisabledRelay(StreamDefinition definition) => Definition = definition;

        public StreamDefinition Definition { get; }

        public LogRing Log { get; } = new LogRing(1);

        public RelayStatus Status() => RelayStatuses.Idle(Definition, StreamerState.Disabled);

        public void Start()
        {
        }

        public Task StopAsync() => Task.CompletedTask;
    }
}
