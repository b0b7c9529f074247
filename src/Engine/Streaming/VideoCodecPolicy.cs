namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>Which video a stream sends on; video is never transcoded.</summary>
    public enum VideoCodecPolicy
    {
        /// <summary>Whatever the source has: H.264 as classic FLV, H.265 as Enhanced RTMP hvc1.</summary>
        Passthrough,

        /// <summary>H.264 only: a source in another codec is an error, for destinations that take nothing else.</summary>
        RequireH264,
    }
}
