using System;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>The boxes both MP4 writers share (ISO 14496-12 §8); track ids count from 1 in the order the tracks are given.</summary>
    internal static class Mp4Boxes
    {
        /// <summary>Media timescale: 90 kHz, the video clock of RTP and MPEG-TS, so milliseconds map exactly.</summary>
        public const uint MediaTimescale = 90000;

        /// <summary>Movie timescale: milliseconds.</summary>
        public const uint MovieTimescale = 1000;

        private static readonly DateTime Epoch1904 = new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static void FileType(BoxWriter box, Mp4Track track, bool fragmented)
        {
            box.Begin("ftyp");
            box.Ascii(fragmented ? "iso6" : "isom");
            box.UInt32(0x200);
            box.Ascii(fragmented ? "iso6" : "isom");
            box.Ascii("iso2");
            var codec = (track as Mp4VideoTrack)?.Codec;
            box.Ascii(codec == Mp4Codec.Hevc ? "hvc1" : codec == Mp4Codec.Avc ? "avc1" : "mp41");
            box.Ascii("mp41");
            box.End();
        }

        public static void MovieHeader(BoxWriter box, DateTimeOffset created, ulong durationMs, int tracks = 1)
        {
            box.BeginFull("mvhd", 1, 0);
            box.UInt64(Seconds1904(created));
            box.UInt64(Seconds1904(created));
            box.UInt32(MovieTimescale);
            box.UInt64(durationMs);
            box.UInt32(0x00010000); // rate 1.0
            box.UInt16(0x0100); // volume 1.0
            box.Zeros(10);
            Matrix(box);
            box.Zeros(24);
            box.UInt32((uint)tracks + 1); // next_track_ID
            box.End();
        }

        public static void TrackHeader(BoxWriter box, Mp4Track track, DateTimeOffset created, ulong durationMs, uint id = 1)
        {
            var video = track as Mp4VideoTrack;
            box.BeginFull("tkhd", 1, 3); // enabled, in movie
            box.UInt64(Seconds1904(created));
            box.UInt64(Seconds1904(created));
            box.UInt32(id);
            box.UInt32(0);
            box.UInt64(durationMs);
            box.Zeros(8);
            box.UInt16(0); // layer
            box.UInt16(0); // alternate_group
            box.UInt16(video == null ? 0x0100 : 0); // volume: full for sound, none for video
            box.UInt16(0);
            Matrix(box);
            box.UInt32((uint)(video?.Width ?? 0) << 16);
            box.UInt32((uint)(video?.Height ?? 0) << 16);
            box.End();
        }

        /// <summary>An edit list that starts presentation at the first picture: B-frames put it <paramref name="mediaTime"/> after the first decode time.</summary>
        public static void EditList(BoxWriter box, ulong durationMs, long mediaTime)
        {
            box.Begin("edts");
            box.BeginFull("elst", 1, 0);
            box.UInt32(1);
            box.UInt64(durationMs);
            box.UInt64((ulong)mediaTime);
            box.UInt16(1);
            box.UInt16(0);
            box.End();
            box.End();
        }

        public static void MediaHeader(BoxWriter box, DateTimeOffset created, ulong duration, Mp4Track track)
        {
            box.BeginFull("mdhd", 1, 0);
            box.UInt64(Seconds1904(created));
            box.UInt64(Seconds1904(created));
            box.UInt32(track.Timescale);
            box.UInt64(duration);
            box.UInt16(0x55C4); // 'und'
            box.UInt16(0);
            box.End();
            box.BeginFull("hdlr", 0, 0);
            box.UInt32(0);
            box.Ascii(track.IsAudio ? "soun" : "vide");
            box.Zeros(12);
            box.Ascii(track.IsAudio ? "RtmpXProtect audio\0" : "RtmpXProtect video\0");
            box.End();
        }

        public static void MediaInformationStart(BoxWriter box, Mp4Track track)
        {
            box.Begin("minf");
            if (track.IsAudio)
            {
                box.BeginFull("smhd", 0, 0);
                box.Zeros(4); // balance, reserved
            }
            else
            {
                box.BeginFull("vmhd", 0, 1);
                box.Zeros(8);
            }

            box.End();
            box.Begin("dinf");
            box.BeginFull("dref", 0, 0);
            box.UInt32(1);
            box.BeginFull("url ", 0, 1); // media in this file
            box.End();
            box.End();
            box.End();
        }

        public static void SampleDescription(BoxWriter box, Mp4Track track)
        {
            box.BeginFull("stsd", 0, 0);
            box.UInt32(1);
            if (track is Mp4AudioTrack audio)
            {
                AudioSampleEntry(box, audio);
                box.End();
                return;
            }

            var video = (Mp4VideoTrack)track;
            box.Begin(video.Codec == Mp4Codec.Avc ? "avc1" : video.Codec == Mp4Codec.Hevc ? "hvc1" : "mp4v");
            box.Zeros(6);
            box.UInt16(1); // data_reference_index
            box.Zeros(16);
            box.UInt16(video.Width);
            box.UInt16(video.Height);
            box.UInt32(0x00480000); // 72 dpi
            box.UInt32(0x00480000);
            box.UInt32(0);
            box.UInt16(1); // frame_count
            box.Zeros(32); // compressorname
            box.UInt16(0x0018);
            box.UInt16(0xFFFF);
            switch (video.Codec)
            {
                case Mp4Codec.Avc:
                    box.Begin("avcC");
                    box.Bytes(video.DecoderConfiguration);
                    box.End();
                    break;
                case Mp4Codec.Hevc:
                    box.Begin("hvcC");
                    box.Bytes(video.DecoderConfiguration);
                    box.End();
                    break;
                default:
                    JpegDescriptor(box);
                    break;
            }

            box.End();
            box.End();
        }

        public static void MovieExtends(BoxWriter box, int tracks = 1)
        {
            box.Begin("mvex");
            for (uint id = 1; id <= tracks; id++)
            {
                box.BeginFull("trex", 0, 0);
                box.UInt32(id);
                box.UInt32(1);
                box.UInt32(0);
                box.UInt32(0);
                box.UInt32(0);
                box.End();
            }

            box.End();
        }

        /// <summary>Writes a sample through a pooled buffer: netstandard2.0 streams take arrays only, and a copy per sample is garbage the export does not need.</summary>
        public static void Write(System.IO.Stream stream, ReadOnlySpan<byte> sample)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(sample.Length);
            try
            {
                sample.CopyTo(buffer);
                stream.Write(buffer, 0, sample.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>A sample duration in 90 kHz ticks; one longer than the 32-bit field (13 h 15 min) cannot be kept.</summary>
        public static uint Duration(long ticks) => ticks >= 0 && ticks <= uint.MaxValue
            ? (uint)ticks
            : throw new ArgumentException($"A time without pictures of {TimeSpan.FromMilliseconds(ticks / 90.0):g} is longer than an MP4 sample can last (13 h 15 min); close gaps or export a shorter range.", nameof(ticks));

        /// <summary>A composition offset in 90 kHz ticks, within the signed 32-bit field.</summary>
        public static int CompositionOffset(long ticks) => ticks >= 0 && ticks <= int.MaxValue
            ? (int)ticks
            : throw new ArgumentException("A sample shown more than 6 h after it is decoded cannot be written.", nameof(ticks));

        /// <summary>sample_flags (§8.8.3.1): a sync sample depends on no other; the rest depend on others and are not sync.</summary>
        public static uint SampleFlags(bool sync) => sync ? 0x02000000u : 0x01010000u;

        // ISO 14496-14 §5.6 and 14496-12 §12.2.3: an AudioSampleEntry whose esds carries the
        // AudioSpecificConfig as DecoderSpecificInfo (object type 0x40, ISO 14496-3 audio).
        private static void AudioSampleEntry(BoxWriter box, Mp4AudioTrack track)
        {
            box.Begin("mp4a");
            box.Zeros(6);
            box.UInt16(1); // data_reference_index
            box.Zeros(8);
            box.UInt16(track.Channels);
            box.UInt16(16); // samplesize
            box.Zeros(4);
            box.UInt32(track.SampleRate <= 0xFFFF ? (uint)track.SampleRate << 16 : 0); // 16.16; above 65535 Hz the mdhd timescale says it
            var config = track.AudioSpecificConfig;
            box.BeginFull("esds", 0, 0);
            box.UInt8(0x03);
            box.UInt8(23 + config.Length);
            box.UInt16(0); // ES_ID
            box.UInt8(0);
            box.UInt8(0x04);
            box.UInt8(15 + config.Length);
            box.UInt8(0x40);
            box.UInt8((0x05 << 2) | 1); // audio stream
            box.Zeros(3 + 4 + 4); // buffer size, max and average bit rate unknown
            box.UInt8(0x05);
            box.UInt8(config.Length);
            box.Bytes(config);
            box.UInt8(0x06);
            box.UInt8(1);
            box.UInt8(2);
            box.End();
            box.End();
        }

        // ISO 14496-1 §7.2.6.5: ES_Descriptor with a DecoderConfigDescriptor for JPEG (0x6C), visual stream.
        private static void JpegDescriptor(BoxWriter box)
        {
            box.BeginFull("esds", 0, 0);
            box.UInt8(0x03);
            box.UInt8(3 + 15 + 3);
            box.UInt16(1);
            box.UInt8(0);
            box.UInt8(0x04);
            box.UInt8(13);
            box.UInt8(0x6C);
            box.UInt8((0x04 << 2) | 1);
            box.Zeros(3 + 4 + 4);
            box.UInt8(0x06);
            box.UInt8(1);
            box.UInt8(2);
            box.End();
        }

        private static void Matrix(BoxWriter box)
        {
            box.UInt32(0x00010000);
            box.UInt32(0);
            box.UInt32(0);
            box.UInt32(0);
            box.UInt32(0x00010000);
            box.UInt32(0);
            box.UInt32(0);
            box.UInt32(0);
            box.UInt32(0x40000000);
        }

        private static ulong Seconds1904(DateTimeOffset time) => (ulong)Math.Max(0, (time.UtcDateTime - Epoch1904).TotalSeconds);
    }
}
