namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>What a stream sends as audio; YouTube and others expect an audio track.</summary>
    public enum AudioMode
    {
        /// <summary>The source's audio when it has some, else a silent AAC track.</summary>
        Auto,

        /// <summary>The source's audio as it comes, none when it has none.</summary>
        Passthrough,

        /// <summary>A silent AAC-LC track in place of whatever the source has.</summary>
        Silent,

        /// <summary>Video only.</summary>
        None,
    }
}
