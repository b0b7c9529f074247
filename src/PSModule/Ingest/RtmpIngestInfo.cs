using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>
    /// One ingest as Get-RtmpIngest shows it, in process or behind a status API: its published streams
    /// with publishers, players and bitrates, totalled for the table view.
    /// </summary>
    public sealed class RtmpIngestInfo
    {
        internal RtmpIngestInfo(string endpoint, ServerStatus status, IReadOnlyList<StreamerStatus> relays, IngestHost? host)
        {
            Endpoint = endpoint;
            StartedAt = status.StartedAt;
            Uptime = status.Uptime;
            Connections = status.Connections;
            Streams = status.Streams;
            Sessions = status.Sessions;
            Relays = relays;
            Published = status.Streams.Count(s => s.IsPublished);
            Players = status.Streams.Sum(s => s.Players);
            BitrateKbps = status.Streams.Sum(s => s.BitrateKbps);
            Host = host;
        }

        /// <summary>Where it listens (in process) or the status API it was read from.</summary>
        public string Endpoint { get; }

        /// <summary>When the server started.</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>How long it has run.</summary>
        public TimeSpan Uptime { get; }

        /// <summary>Open RTMP connections.</summary>
        public int Connections { get; }

        /// <summary>Streams being published, how many publish and how many play.</summary>
        public int Published { get; }

        /// <summary>Players over all streams.</summary>
        public int Players { get; }

        /// <summary>Incoming bitrate over all streams.</summary>
        public double BitrateKbps { get; }

        /// <summary>Each path: publisher, codecs, players, bitrate.</summary>
        public IReadOnlyList<StreamStatus> Streams { get; }

        /// <summary>Each connection: address, role, path.</summary>
        public IReadOnlyList<SessionStatus> Sessions { get; }

        /// <summary>The configured streams it runs out to destinations.</summary>
        public IReadOnlyList<StreamerStatus> Relays { get; }

        /// <summary>The in-process host (null when read from a status API), for Stop-RtmpIngest.</summary>
        public IngestHost? Host { get; }
    }
}
