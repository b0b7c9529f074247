using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// Connection caps, timeouts and wire bounds. The defaults are read from the engine's own option
    /// objects, so the file and the code cannot disagree about them.
    /// </summary>
    public sealed class LimitsSection
    {
        private static readonly AdmissionLimits Admission = new AdmissionLimits();
        private static readonly RtmpServerOptions Server = new RtmpServerOptions();

        /// <summary>Most connections at once (<see cref="AdmissionLimits.MaxConnections"/>).</summary>
        [JsonPropertyName("maxConnections")]
        public int MaxConnections { get; set; } = Admission.MaxConnections;

        /// <summary>Most connections from one address.</summary>
        [JsonPropertyName("maxConnectionsPerAddress")]
        public int MaxConnectionsPerAddress { get; set; } = Admission.MaxConnectionsPerAddress;

        /// <summary>New connections per second from one address.</summary>
        [JsonPropertyName("newConnectionsPerSecondPerAddress")]
        public int NewConnectionsPerSecondPerAddress { get; set; } = Admission.NewConnectionsPerSecondPerAddress;

        /// <summary>Connections not yet allowed to publish or play.</summary>
        [JsonPropertyName("maxUndecidedConnections")]
        public int MaxUndecidedConnections { get; set; } = Admission.MaxUndecidedConnections;

        /// <summary>Seconds a peer has for the RTMP handshake.</summary>
        [JsonPropertyName("handshakeTimeoutSeconds")]
        public int HandshakeTimeoutSeconds { get; set; } = (int)Server.HandshakeTimeout.TotalSeconds;

        /// <summary>Seconds a peer has for the TLS handshake on the RTMPS listener.</summary>
        [JsonPropertyName("tlsHandshakeTimeoutSeconds")]
        public int TlsHandshakeTimeoutSeconds { get; set; } = (int)Server.TlsHandshakeTimeout.TotalSeconds;

        /// <summary>Seconds from accept to an allowed publish or play.</summary>
        [JsonPropertyName("decisionTimeoutSeconds")]
        public int DecisionTimeoutSeconds { get; set; } = (int)Admission.DecisionTimeout.TotalSeconds;

        /// <summary>Seconds a publisher may send no video after it sent some.</summary>
        [JsonPropertyName("videoDataTimeoutSeconds")]
        public int VideoDataTimeoutSeconds { get; set; } = (int)Admission.VideoDataTimeout.TotalSeconds;

        /// <summary>Seconds a connection may send nothing at all.</summary>
        [JsonPropertyName("receiveIdleTimeoutSeconds")]
        public int ReceiveIdleTimeoutSeconds { get; set; } = (int)Admission.ReceiveIdleTimeout.TotalSeconds;

        /// <summary>Bytes one connection may hold in partial messages and queued output.</summary>
        [JsonPropertyName("memoryBudgetPerConnectionBytes")]
        public long MemoryBudgetPerConnectionBytes { get; set; } = Admission.MemoryBudgetPerConnection;

        /// <summary>Bytes of one GOP kept per stream for players that join late.</summary>
        [JsonPropertyName("maxGopCacheBytes")]
        public long MaxGopCacheBytes { get; set; } = Server.MaxGopCacheBytes;

        /// <summary><see cref="RtmpServerOptions.UnwatchedReadDelay"/>, in milliseconds.</summary>
        [JsonPropertyName("unwatchedReadDelayMilliseconds")]
        public int UnwatchedReadDelayMilliseconds { get; set; } = (int)Server.UnwatchedReadDelay.TotalMilliseconds;

        /// <summary><see cref="WireLimits.MaxMessageSize"/>.</summary>
        [JsonPropertyName("maxMessageSize")]
        public int MaxMessageSize { get; set; } = WireLimits.Default.MaxMessageSize;

        /// <summary><see cref="WireLimits.MaxChunkSize"/>.</summary>
        [JsonPropertyName("maxChunkSize")]
        public int MaxChunkSize { get; set; } = WireLimits.Default.MaxChunkSize;

        /// <summary><see cref="WireLimits.MaxChunkStreams"/>.</summary>
        [JsonPropertyName("maxChunkStreams")]
        public int MaxChunkStreams { get; set; } = WireLimits.Default.MaxChunkStreams;

        /// <summary><see cref="WireLimits.MaxAmfDepth"/>.</summary>
        [JsonPropertyName("maxAmfDepth")]
        public int MaxAmfDepth { get; set; } = WireLimits.Default.MaxAmfDepth;

        /// <summary><see cref="WireLimits.MaxAmfItems"/>.</summary>
        [JsonPropertyName("maxAmfItems")]
        public int MaxAmfItems { get; set; } = WireLimits.Default.MaxAmfItems;

        /// <summary><see cref="WireLimits.MaxAmfStringLength"/>.</summary>
        [JsonPropertyName("maxAmfStringLength")]
        public int MaxAmfStringLength { get; set; } = WireLimits.Default.MaxAmfStringLength;

        /// <summary><see cref="WireLimits.MaxAmfReferences"/>.</summary>
        [JsonPropertyName("maxAmfReferences")]
        public int MaxAmfReferences { get; set; } = WireLimits.Default.MaxAmfReferences;

        /// <summary><see cref="WireLimits.MaxParameterSets"/>.</summary>
        [JsonPropertyName("maxParameterSets")]
        public int MaxParameterSets { get; set; } = WireLimits.Default.MaxParameterSets;
    }
}
