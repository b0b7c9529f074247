using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// Runs one stream for a <see cref="StreamSupervisor"/>: in this process
    /// (<see cref="InProcessStreamWorker"/>) or in a helper process (the CLI's). The supervisor
    /// restarts a worker whose <see cref="Completion"/> ends without a stop.
    /// </summary>
    public interface IStreamWorker : IAsyncDisposable
    {
        /// <summary>The stream it runs.</summary>
        StreamDefinition Definition { get; }

        /// <summary>Completes when the worker ended; faulted when it crashed.</summary>
        Task Completion { get; }

        /// <summary>Raised for the stream's events, on the worker's threads; handlers return at once.</summary>
        event Action<StreamerEvent>? EventRaised;

        /// <summary>Starts the stream; returns at once.</summary>
        void Start();

        /// <summary>Stops the stream cleanly (every destination unpublished) and waits for it.</summary>
        Task StopAsync();

        /// <summary>The stream's live log: levelled, timestamped, keys masked.</summary>
        LogRing Log { get; }

        /// <summary>The stream now.</summary>
        StreamerStatus Status();
    }
}
