using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;
using Serilog;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Runs one stream in this process until stopped: the seam where the engine's streamer plugs
    /// in. <see cref="FlvFileRelayRun"/> stands in for it until it is merged.
    /// </summary>
    internal interface IRelayRun
    {
        /// <summary>Runs until <paramref name="stop"/>; reports through <paramref name="progress"/> and logs with keys masked.</summary>
        Task RunAsync(StreamDefinition stream, RelayProgress progress, ILogger log, CancellationToken stop);
    }
}
