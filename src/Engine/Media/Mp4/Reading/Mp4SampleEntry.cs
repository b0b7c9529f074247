using System;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// The first sample entry of a track's stsd box, if RTMP can carry it: avc1/avc3 with avcC
    /// (ISO 14496-15 §5.4), hvc1/hev1 with hvcC (§8.4) or mp4a whose esds holds AAC (ISO 14496-14
    /// §5.6, 14496-1 §7.2.6). Anything else is null: the track is left out, not the file refused.
    /// </summary>
    internal sealed class Mp4SampleEntry
    {
        // VisualSampleEntry: 8 bytes of SampleEntry then 70 of its own before its child boxes (ISO 14496-12 §12.1.3).
        private const int VisualFields = 78;

        // AudioSampleEntry: 8 + 20 bytes (§12.2.3); QuickTime sound descriptions version 1 and 2 add 16 and 36.
        private const int AudioFields = 28;

        private Mp4SampleEntry(Mp4Codec? video, byte[] configuration)
        {
            Video = video;
            Configuration = configuration;
        }

        /// <summary>The video codec, or null for AAC audio.</summary>
        public Mp4Codec? Video { get; }

        public bool IsAudio => Video == null;

        /// <summary>An AVC or HEVC decoder configuration record, or an AAC AudioSpecificConfig.</summary>
        public byte[] Configuration { get; }

        public static Mp4SampleEntry? Read(ReadOnlySpan<byte> stsd)
        {
            var entries = Children(stsd.Slice(Math.Min(stsd.Length, 8)));
            if (entries.Count == 0)
            {
                return null;
            }

            var (type, at, count) = entries[0];
            var entry = stsd.Slice(8).Slice(at, count);
            switch (type)
            {
                case "avc1":
                case "avc3":
                    return Visual(entry, "avcC", Mp4Codec.Avc);
                case "hvc1":
                case "hev1":
                    return Visual(entry, "hvcC", Mp4Codec.Hevc);
                case "mp4a":
                    return Audio(entry);
                default:
                    return null;
            }
        }

        private static Mp4SampleEntry? Visual(ReadOnlySpan<byte> entry, string configurationType, Mp4Codec codec)
        {
            if (entry.Length < VisualFields)
            {
                throw new MediaFormatException("A video sample entry is shorter than its fields.");
            }

            return TryChild(entry.Slice(VisualFields), configurationType, out var record) && record.Length > 0
                ? new Mp4SampleEntry(codec, record.ToArray())
                : throw new MediaFormatException($"A video sample entry has no {configurationType} box: its decoder configuration is missing.");
        }

        private static Mp4SampleEntry? Audio(ReadOnlySpan<byte> entry)
        {
            int version = UInt16(entry, 8);
            int fields = AudioFields + (version == 1 ? 16 : version == 2 ? 36 : 0);
            if (entry.Length < fields)
            {
                throw new MediaFormatException("An audio sample entry is shorter than its fields.");
            }

            if (!TryChild(entry.Slice(fields), "esds", out var esds))
            {
                return null;
            }

            var config = ElementaryStreamDescriptor.AacConfiguration(esds.Slice(Math.Min(esds.Length, 4)));
            return config == null ? null : new Mp4SampleEntry(null, config);
        }
    }
}
