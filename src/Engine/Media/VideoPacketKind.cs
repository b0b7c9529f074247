namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// What a video tag carries, unified over legacy AVCPacketType and Enhanced RTMP
    /// VideoPacketType so that callers need not know which signalling the peer used.
    /// </summary>
    public enum VideoPacketKind
    {
        /// <summary>A decoder configuration record (avcC, hvcC, av1C, vpcC): the "sequence header".</summary>
        SequenceStart,

        /// <summary>Coded pictures (NAL units, OBUs or a VP frame).</summary>
        CodedFrames,

        /// <summary>End of sequence: the publisher is switching configuration or stopping.</summary>
        SequenceEnd,

        /// <summary>Enhanced RTMP video metadata (AMF-encoded, e.g. HDR colour info).</summary>
        Metadata,

        /// <summary>Anything else (command frames, multitrack, MPEG-2 TS sequence start, reserved types).</summary>
        Other,
    }
}
