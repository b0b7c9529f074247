using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>
    /// What a server is doing, taken at one moment by <c>RtmpServer.GetStatus</c>: immutable, so
    /// the CLI, the HTTP API and the PowerShell module can format it at leisure. Each figure is read
    /// atomically; the whole is not one instant.
    /// </summary>
    /// <param name="StartedAt">When the server was made (UTC).</param>
    /// <param name="Uptime">Time since then.</param>
    /// <param name="Connections">Connected clients.</param>
    /// <param name="Streams">Live streams, ordered by path.</param>
    /// <param name="Sessions">Connected clients, ordered by id.</param>
    /// <param name="Rejections">Refused or closed connections by reason since the start; every reason, zero included.</param>
    public sealed record ServerStatus(
        DateTimeOffset StartedAt,
        TimeSpan Uptime,
        int Connections,
        IReadOnlyList<StreamStatus> Streams,
        IReadOnlyList<SessionStatus> Sessions,
        IReadOnlyDictionary<RejectionReason, long> Rejections)
    {
        /// <summary>The part of <see cref="Rejections"/> that came in on the RTSP and RTSPS ports.</summary>
        public IReadOnlyDictionary<RejectionReason, long> RtspRejections { get; init; } = new Dictionary<RejectionReason, long>();
    }
}
