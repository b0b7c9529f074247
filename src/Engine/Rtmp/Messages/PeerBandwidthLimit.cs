namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>The limit type of a Set Peer Bandwidth message (RTMP 1.0 §5.4.5).</summary>
    public enum PeerBandwidthLimit : byte
    {
        /// <summary>The peer limits its output bandwidth to the indicated window size.</summary>
        Hard = 0,

        /// <summary>The peer uses the smaller of this window and the one already in effect.</summary>
        Soft = 1,

        /// <summary>Hard if the previous limit was hard, otherwise ignored.</summary>
        Dynamic = 2,
    }
}
