namespace RtmpXProtect.Engine.Server
{
    /// <summary>Why the server refused or closed a connection; logs and metrics carry these names.</summary>
    public enum RejectionReason
    {
        /// <summary>MaxConnections reached.</summary>
        TooManyConnections,
        /// <summary>MaxConnectionsPerAddress reached.</summary>
        TooManyConnectionsFromAddress,
        /// <summary>The address opened connections faster than NewConnectionsPerSecondPerAddress.</summary>
        ConnectionRateExceeded,
        /// <summary>MaxUndecidedConnections reached.</summary>
        TooManyUndecidedConnections,
        /// <summary>No RTMP handshake in time.</summary>
        HandshakeTimeout,
        /// <summary>No allowed publish or play in time.</summary>
        DecisionTimeout,
        /// <summary>A publisher stopped sending video.</summary>
        VideoDataTimeout,
        /// <summary>A connection sent nothing for too long.</summary>
        ReceiveIdleTimeout,
        /// <summary>A connection held more memory than its budget.</summary>
        MemoryBudgetExceeded,
        /// <summary>A peer broke the protocol or a wire limit.</summary>
        ProtocolError,
        /// <summary>A player could not keep up.</summary>
        PlayerTooSlow,
        /// <summary>The publish or play was not allowed.</summary>
        AccessDenied,
        /// <summary>An operator closed the session through the status API or <see cref="RtmpServer.TryDropSession"/>.</summary>
        DroppedByOperator,
        /// <summary>A reloaded configuration no longer allows a publish or play that was running.</summary>
        AccessRevoked,
        /// <summary>The first bytes were not an RTMP handshake (garbage, a wrong version, RTMPE, TLS on the plain port).</summary>
        InvalidHandshake,
        /// <summary>A Set Chunk Size of 0, with its top bit set, or above the wire limit.</summary>
        InvalidChunkSize,
        /// <summary>A message or chunk-stream count above the wire limits.</summary>
        MessageTooLarge,
        /// <summary>A command or data message whose AMF could not be read (truncated, unknown marker, nested too deep).</summary>
        MalformedAmf,
        /// <summary>A command other than connect before connect was accepted.</summary>
        CommandBeforeConnect,
        /// <summary>The TLS handshake on the RTMPS port failed or timed out (garbage, or plain RTMP sent to it).</summary>
        TlsHandshakeFailed,
    }
}
