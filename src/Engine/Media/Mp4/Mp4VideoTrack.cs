using System;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;

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

        /// <summary>
        /// The track of an H.264 or H.265 stream described by its decoder configuration record,
        /// with the picture size read from the record's first SPS.
        /// </summary>
        /// <exception cref="MediaFormatException">The record does not parse, or holds no SPS.</exception>
        public static Mp4VideoTrack FromConfiguration(Mp4Codec codec, ReadOnlySpan<byte> record)
        {
            try
            {
                switch (codec)
                {
                    case Mp4Codec.Avc:
                        var avc = AvcDecoderConfigurationRecord.Parse(record, WireLimits.Default);
                        var sps = avc.Sps.Count > 0 ? AvcSps.Parse(avc.Sps[0]) : throw new MediaFormatException("The AVC configuration holds no SPS.");
                        return new Mp4VideoTrack(codec, sps.Width, sps.Height, record.ToArray());
                    case Mp4Codec.Hevc:
                        var hevc = HevcDecoderConfigurationRecord.Parse(record, WireLimits.Default);
                        return hevc.Sps != null
                            ? new Mp4VideoTrack(codec, hevc.Sps.Width, hevc.Sps.Height, record.ToArray())
                            : throw new MediaFormatException("The HEVC configuration holds no SPS.");
                    default:
                        throw new ArgumentOutOfRangeException(nameof(codec), codec, "Only H.264 and H.265 have a decoder configuration record.");
                }
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName != nameof(codec))
            {
                // A size outside 1–65535 comes from a damaged SPS.
                throw new MediaFormatException("The SPS gives a picture size no MP4 can hold.", e);
            }
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
