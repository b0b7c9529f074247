using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// How many connections the server takes, from whom, and how long a connection may stay
    /// without doing what it came for. Every rejection and timeout these cause carries a named
    /// reason (<see cref="RejectionReason"/>) that logs and metrics use.
    /// </summary>
    public sealed class AdmissionLimits
    {
        /// <summary>Most connections at once. Default 1000: the XProtect driver's seed allowed 32, which idle peers exhausted.</summary>
        public int MaxConnections { get; set; } = 1000;

        /// <summary>Most connections from one address. Default 50: an encoder uses one, a NAT'd site a handful of players.</summary>
        public int MaxConnectionsPerAddress { get; set; } = 50;

        /// <summary>New connections per second per address (token bucket, burst of the same size). Default 10, as the seed.</summary>
        public int NewConnectionsPerSecondPerAddress { get; set; } = 10;

        /// <summary>
        /// Connections that have not yet been allowed to publish or play. Default 64: a separate, small
        /// cap, so idle or slow peers cannot take the places of real publishers.
        /// </summary>
        public int MaxUndecidedConnections { get; set; } = 64;

        /// <summary>Time from accept to an allowed publish or play. Default 10 s, as the seed's publish timeout.</summary>
        public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Time a publisher may send no video (after it sent some) before it is dropped. Default 15 s, as the seed.</summary>
        public TimeSpan VideoDataTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Time a connection may send nothing at all. Default 30 s, as the seed's TCP receive timeout; players answer pings and send acks.</summary>
        public TimeSpan ReceiveIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Bytes one connection may hold in partial messages and queued output together. Default 64 MiB.</summary>
        public long MemoryBudgetPerConnection { get; set; } = 64L * 1024 * 1024;
    }
}
