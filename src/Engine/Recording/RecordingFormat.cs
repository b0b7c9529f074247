namespace RtmpXProtect.Engine.Recording
{
    /// <summary>The file format recordings are written in.</summary>
    public enum RecordingFormat
    {
        /// <summary>Fragmented MP4 (ISO BMFF): a fragment flushed about every second, every file playable after a crash.</summary>
        Fmp4,

        /// <summary>FLV: the RTMP tags as they arrived.</summary>
        Flv,
    }
}
