using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>What a bitstream's VUI says a frame lasts, kept only when it could be a video frame rate.</summary>
    internal static class FrameDurations
    {
        /// <summary>
        /// <paramref name="seconds"/> as a duration when it is 1 ms–10 s (1000 to 0.1 fps), else null:
        /// a VUI may give a field rate, a maximum rate, or nonsense, and the stamps are then the better clock.
        /// </summary>
        public static TimeSpan? Plausible(double seconds) =>
            seconds >= 0.001 && seconds <= 10 ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)) : (TimeSpan?)null;

        /// <summary>
        /// Skips what H.264 (§E.1.1) and H.265 (§E.2.1) VUIs share before their codec-specific parts:
        /// aspect ratio, overscan, video signal type and chroma location.
        /// </summary>
        public static void SkipVuiStart(ref BitReader reader)
        {
            if (reader.ReadFlag() && reader.ReadBits(8) == 255)
            {
                reader.Skip(32); // sar_width, sar_height
            }

            if (reader.ReadFlag())
            {
                reader.Skip(1); // overscan_appropriate_flag
            }

            if (reader.ReadFlag())
            {
                reader.Skip(4); // video_format, video_full_range_flag
                if (reader.ReadFlag())
                {
                    reader.Skip(24); // colour_primaries, transfer_characteristics, matrix_coefficients
                }
            }

            if (reader.ReadFlag())
            {
                reader.ReadUe(); // chroma_sample_loc_type_top_field
                reader.ReadUe(); // chroma_sample_loc_type_bottom_field
            }
        }
    }
}
