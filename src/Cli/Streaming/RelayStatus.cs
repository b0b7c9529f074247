using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>One stream as GET /api/relays shows it; destinations and source masked, as they carry keys.</summary>
    internal sealed record RelayStatus(
        string Name,
        string Source,
        IReadOnlyList<string> Destinations,
        bool Enabled,
        StreamerState State,
        string? Reason,
        int? ProcessId,
        int Restarts,
        string? LastError,
        double UptimeSeconds,
        double BitrateKbps,
        long BytesSent,
        long VideoFrames,
        long AudioFrames,
        DateTimeOffset? UpdatedAt);
}
