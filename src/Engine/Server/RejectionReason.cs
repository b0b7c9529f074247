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
    }
}
