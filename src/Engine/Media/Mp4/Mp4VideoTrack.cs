using System;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>A video track: what its sample description needs, timed at 90 kHz.</summary>
    public sealed class Mp4VideoTrack : Mp4Track
    {
        /// <summary>Creates a track description.</summary>
        /// <param name="codec">The codec.</param>
        /// <param name="width">Picture width in pixels.</param>
        /// <param name="height">Picture height in pixels.</param>
        /// <param name="decoderConfiguration">The AVCDecoderConfigurationRecord or HEVCDecoderConfigurationRecord; empty for JPEG.</param>
        public Mp4VideoTrack(Mp4Codec codec, int width, int height, byte[] decoderConfiguration)
        {
            if (width <= 0 || width > 65535 || height <= 0 || height > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(width), "Width and height must be 1–65535.");
            }

            Codec = codec;
            Width = width;
            Height = height;
            DecoderConfiguration = decoderConfiguration ?? Array.Empty<byte>();
        }

        /// <summary>The codec.</summary>
        public Mp4Codec Codec { get; }

        /// <summary>Picture width in pixels.</summary>
        public int Width { get; }

        /// <summary>Picture height in pixels.</summary>
        public int Height { get; }

        /// <summary>avcC or hvcC contents.</summary>
        public byte[] DecoderConfiguration { get; }

        /// <inheritdoc />
        public override uint Timescale => Mp4Boxes.MediaTimescale;

        /// <inheritdoc />
        public override bool IsAudio => false;
    }
}
