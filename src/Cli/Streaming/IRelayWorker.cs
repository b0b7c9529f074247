using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// One configured stream kept running by <see cref="RelaySupervisor"/>: in a helper process
    /// (<see cref="HelperProcessWorker"/>), or not at all when disabled. Shaped like the engine
    /// supervisor's IStreamWorker so the supervisor logic can move behind it.
    /// </summary>
    internal interface IRelayWorker
    {
        StreamDefinition Definition { get; }

        /// <summary>The stream's last log lines, levelled and timestamped, keys masked.</summary>
        LogRing Log { get; }

        RelayStatus Status();

        void Start();

        /// <summary>Stops it and waits until nothing of it runs any more.</summary>
        Task StopAsync();
    }
}
