namespace RtmpXProtect.Engine.Server
{
    /// <summary>What a media message is to the fan-out: what may be dropped, what starts a GOP.</summary>
    public enum FrameKind
    {
        /// <summary>An audio frame.</summary>
        Audio,
        /// <summary>An audio sequence header (AAC AudioSpecificConfig): kept for late joiners.</summary>
        AudioConfig,
        /// <summary>A video frame that depends on earlier ones.</summary>
        Video,
        /// <summary>A video keyframe: a GOP starts here and a lagging player may resume here.</summary>
        VideoKeyFrame,
        /// <summary>A video sequence header (decoder configuration): kept for late joiners.</summary>
        VideoConfig,
        /// <summary>onMetaData: kept for late joiners.</summary>
        Metadata,
        /// <summary>Any other data message.</summary>
        Data,
    }
}
