using System.Globalization;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>What a video track is, as a publish log line and status output show it.</summary>
    public sealed class VideoDescription
    {
        /// <summary>Creates a description; width and height 0 and empty profile/level when unknown.</summary>
        public VideoDescription(VideoCodec codec, int width, int height, string profile, string level)
        {
            Codec = codec;
            Width = width;
            Height = height;
            Profile = profile ?? string.Empty;
            Level = level ?? string.Empty;
        }

        /// <summary>The codec.</summary>
        public VideoCodec Codec { get; }

        /// <summary>Displayed width in pixels, 0 when unknown.</summary>
        public int Width { get; }

        /// <summary>Displayed height in pixels, 0 when unknown.</summary>
        public int Height { get; }

        /// <summary>Profile name ("High"), empty when unknown.</summary>
        public string Profile { get; }

        /// <summary>Level ("3.1"), empty when unknown.</summary>
        public string Level { get; }

        /// <summary>The codec's common name ("H.264").</summary>
        public string CodecName => Codec switch
        {
            VideoCodec.Avc => "H.264",
            VideoCodec.Hevc => "H.265",
            VideoCodec.Av1 => "AV1",
            VideoCodec.Vp9 => "VP9",
            VideoCodec.Vp6 => "VP6",
            VideoCodec.Vp6Alpha => "VP6 alpha",
            VideoCodec.SorensonH263 => "Sorenson H.263",
            VideoCodec.Screen => "Screen video",
            VideoCodec.ScreenV2 => "Screen video 2",
            _ => "unknown video",
        };

        /// <summary>"H.264 High@3.1 1280x720", leaving out what is unknown.</summary>
        public override string ToString()
        {
            string text = CodecName;
            if (Profile.Length > 0)
            {
                text += " " + Profile + (Level.Length > 0 ? "@" + Level : string.Empty);
            }

            if (Width > 0 && Height > 0)
            {
                text += " " + Width.ToString(CultureInfo.InvariantCulture) + "x" + Height.ToString(CultureInfo.InvariantCulture);
            }

            return text;
        }
    }
}
