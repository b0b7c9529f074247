namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>The video codecs the MP4 writer stores, each with its sample entry (ISO 14496-15, 14496-14).</summary>
    public enum Mp4Codec
    {
        /// <summary>H.264 as avc1 with an avcC box.</summary>
        Avc,

        /// <summary>H.265 as hvc1 with an hvcC box.</summary>
        Hevc,

        /// <summary>Motion JPEG as mp4v with an esds of object type 0x6C (ISO 14496-1 Table 5, JPEG).</summary>
        Jpeg,
    }
}
