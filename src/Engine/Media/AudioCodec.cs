namespace RtmpXProtect.Engine.Media
{
    /// <summary>The SoundFormat nibble of an audio tag (FLV 10.1 §E.4.2.1; 9 is Enhanced RTMP's ExHeader).</summary>
    public enum AudioCodec
    {
        /// <summary>Linear PCM in the platform's byte order.</summary>
        LinearPcmPlatform = 0,

        /// <summary>ADPCM.</summary>
        Adpcm = 1,

        /// <summary>MP3.</summary>
        Mp3 = 2,

        /// <summary>Linear PCM, little endian.</summary>
        LinearPcmLe = 3,

        /// <summary>Nellymoser 16 kHz mono.</summary>
        Nellymoser16 = 4,

        /// <summary>Nellymoser 8 kHz mono.</summary>
        Nellymoser8 = 5,

        /// <summary>Nellymoser.</summary>
        Nellymoser = 6,

        /// <summary>G.711 A-law.</summary>
        G711A = 7,

        /// <summary>G.711 mu-law.</summary>
        G711U = 8,

        /// <summary>Enhanced RTMP: the codec is a FourCC that follows the packet type.</summary>
        ExHeader = 9,

        /// <summary>AAC.</summary>
        Aac = 10,

        /// <summary>Speex.</summary>
        Speex = 11,

        /// <summary>MP3 at 8 kHz.</summary>
        Mp3_8k = 14,

        /// <summary>Device-specific sound.</summary>
        DeviceSpecific = 15,
    }
}
