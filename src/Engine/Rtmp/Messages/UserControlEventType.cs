namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>User control event types (RTMP 1.0 §7.1.7). Values not listed may still arrive.</summary>
    public enum UserControlEventType : ushort
    {
        /// <summary>The server tells the client a stream became functional; value is the stream id.</summary>
        StreamBegin = 0,

        /// <summary>Playback of the stream is over; value is the stream id.</summary>
        StreamEof = 1,

        /// <summary>No more data on the stream for now; value is the stream id.</summary>
        StreamDry = 2,

        /// <summary>The client's buffer length for a stream, in milliseconds (8-byte body).</summary>
        SetBufferLength = 3,

        /// <summary>The stream is a recorded stream; value is the stream id.</summary>
        StreamIsRecorded = 4,

        /// <summary>Liveness check from the server; value is the sender's timestamp.</summary>
        PingRequest = 6,

        /// <summary>Answer to a ping request; echoes its timestamp.</summary>
        PingResponse = 7,
    }
}
