namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// The video codec of an RTMP/FLV video tag, whether it was signalled by a legacy CodecID
    /// (FLV 10.1 §E.4.3.1) or by an Enhanced RTMP FourCC.
    /// </summary>
    public enum VideoCodec
    {
        /// <summary>A CodecID or FourCC this engine does not know; the tag is passed through untouched.</summary>
        Unknown,

        /// <summary>Sorenson H.263 (CodecID 2).</summary>
        SorensonH263,

        /// <summary>Screen video (CodecID 3).</summary>
        Screen,

        /// <summary>On2 VP6 (CodecID 4).</summary>
        Vp6,

        /// <summary>On2 VP6 with alpha channel (CodecID 5).</summary>
        Vp6Alpha,

        /// <summary>Screen video version 2 (CodecID 6).</summary>
        ScreenV2,

        /// <summary>H.264 / AVC (CodecID 7 or FourCC avc1).</summary>
        Avc,

        /// <summary>H.265 / HEVC (FourCC hvc1, or the non-standard CodecID 12 some encoders send).</summary>
        Hevc,

        /// <summary>AV1 (FourCC av01).</summary>
        Av1,

        /// <summary>VP9 (FourCC vp09).</summary>
        Vp9,
    }
}
