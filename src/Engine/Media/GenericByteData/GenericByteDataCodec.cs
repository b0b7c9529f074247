namespace RtmpXProtect.Engine.Media.GenericByteData
{
    /// <summary>Codec values of the GenericByteData header, as public Milestone code uses them.</summary>
    public static class GenericByteDataCodec
    {
        /// <summary>Motion JPEG.</summary>
        public const ushort Jpeg = 0x0001;

        /// <summary>H.264, Annex B payload with SPS/PPS in front of key frames.</summary>
        public const ushort H264 = 0x000A;

        /// <summary>H.265, Annex B payload with VPS/SPS/PPS in front of key frames.</summary>
        public const ushort H265 = 0x000E;

        /// <summary>The engine's codec for an Annex B codec value; <see cref="VideoCodec.Unknown"/> for the others (JPEG, MPEG-4).</summary>
        public static VideoCodec ToVideoCodec(ushort codec) =>
            codec == H264 ? VideoCodec.Avc : codec == H265 ? VideoCodec.Hevc : VideoCodec.Unknown;
    }
}
