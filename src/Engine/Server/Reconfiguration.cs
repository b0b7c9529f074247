namespace RtmpXProtect.Engine.Server
{
    /// <summary>What <see cref="RtmpServer.Reconfigure"/> did, for the host's one-line summary.</summary>
    public sealed class Reconfiguration
    {
        /// <summary>Creates the summary.</summary>
        public Reconfiguration(bool plainListenerRestarted, bool tlsListenerRestarted, int sessionsRevoked)
        {
            PlainListenerRestarted = plainListenerRestarted;
            TlsListenerRestarted = tlsListenerRestarted;
            SessionsRevoked = sessionsRevoked;
        }

        /// <summary>Whether the plain RTMP listener was started, moved or stopped.</summary>
        public bool PlainListenerRestarted { get; }

        /// <summary>Whether the RTMPS listener was started, moved, given a new certificate or stopped.</summary>
        public bool TlsListenerRestarted { get; }

        /// <summary>How many connections the new access policy closed with <see cref="RejectionReason.AccessRevoked"/>.</summary>
        public int SessionsRevoked { get; }
    }
}
