namespace RtmpXProtect.Engine.Media.Flv
{
    /// <summary>The TagType of an FLV tag (FLV 10.1 §E.4.1), which equals the RTMP message type id.</summary>
    public enum FlvTagType : byte
    {
        /// <summary>Audio data.</summary>
        Audio = 8,

        /// <summary>Video data.</summary>
        Video = 9,

        /// <summary>Script data (AMF0, e.g. onMetaData).</summary>
        Script = 18,
    }
}
