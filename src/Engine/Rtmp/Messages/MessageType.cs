namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>RTMP message type ids (RTMP 1.0 §5.4, §7.1).</summary>
    public enum MessageType : byte
    {
        /// <summary>Protocol control: the sender's new maximum chunk size.</summary>
        SetChunkSize = 1,
        /// <summary>Protocol control: discard the partial message on a chunk stream.</summary>
        Abort = 2,
        /// <summary>Protocol control: bytes received so far (wraps at 2^32).</summary>
        Acknowledgement = 3,
        /// <summary>User control events (Stream Begin, Ping, …).</summary>
        UserControl = 4,
        /// <summary>Protocol control: the window after which the peer must acknowledge.</summary>
        WindowAcknowledgementSize = 5,
        /// <summary>Protocol control: limit the peer's output bandwidth.</summary>
        SetPeerBandwidth = 6,
        /// <summary>Audio data (an FLV audio tag body).</summary>
        Audio = 8,
        /// <summary>Video data (an FLV video tag body).</summary>
        Video = 9,
        /// <summary>Data message, AMF3 encoded.</summary>
        DataAmf3 = 15,
        /// <summary>Shared object message, AMF3 encoded.</summary>
        SharedObjectAmf3 = 16,
        /// <summary>Command message, AMF3 encoded.</summary>
        CommandAmf3 = 17,
        /// <summary>Data message (onMetaData, @setDataFrame), AMF0 encoded.</summary>
        DataAmf0 = 18,
        /// <summary>Shared object message, AMF0 encoded.</summary>
        SharedObjectAmf0 = 19,
        /// <summary>Command message (connect, publish, play, …), AMF0 encoded.</summary>
        CommandAmf0 = 20,
        /// <summary>Several audio, video or data messages in one (RTMP 1.0 §7.1.6).</summary>
        Aggregate = 22,
    }
}
