namespace RtmpXProtect.Engine.Rtmp.Sessions
{
    /// <summary>What a server session announces to its clients.</summary>
    public sealed class ServerSessionOptions
    {
        /// <summary>The defaults.</summary>
        public static ServerSessionOptions Default { get; } = new ServerSessionOptions();

        /// <summary>
        /// Outgoing chunk size, sent right after connect. 4096 like nginx-rtmp: fewer chunk headers
        /// than the 128 default, and small enough to interleave audio with large keyframes. Every
        /// player of a server gets the same size, which is what lets fan-out share framed bytes.
        /// </summary>
        public int ChunkSize { get; set; } = 4096;

        /// <summary>The acknowledgement window asked of clients (nginx-rtmp's default, 5 MB).</summary>
        public uint WindowAcknowledgementSize { get; set; } = 5_000_000;

        /// <summary>The bandwidth announced with Set Peer Bandwidth (dynamic).</summary>
        public uint PeerBandwidth { get; set; } = 5_000_000;

        /// <summary>
        /// Message streams one connection may have open. Clients use one; the bound keeps a peer
        /// from creating streams without end.
        /// </summary>
        public int MaxStreamsPerConnection { get; set; } = 8;

        /// <summary>The server name in the connect answer; Flash-era clients look for "FMS/".</summary>
        public string ServerVersion { get; set; } = "FMS/3,0,1,123";
    }
}
