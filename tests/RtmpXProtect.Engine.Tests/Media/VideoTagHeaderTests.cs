using System;
using RtmpXProtect.Engine.Media;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class VideoTagHeaderTests
    {
        [Fact]
        public void Reads_a_legacy_avc_sequence_header_from_ffmpeg()
        {
            var header = VideoTagHeader.Parse(Hex(AvcSequenceHeaderTag720));
            Assert.Equal(VideoCodec.Avc, header.Codec);
            Assert.Equal(VideoFrameType.Key, header.FrameType);
            Assert.True(header.IsSequenceHeader);
            Assert.True(header.IsKeyFrame);
            Assert.False(header.IsEnhanced);
            Assert.Equal(0u, header.FourCc);
            Assert.Equal(5, header.DataOffset);
        }

        [Theory]
        [InlineData(new byte[] { 0x27, 0x01, 0x00, 0x00, 0x50 }, 80)]
        [InlineData(new byte[] { 0x27, 0x01, 0xFF, 0xFF, 0xB0 }, -80)]
        [InlineData(new byte[] { 0x27, 0x01, 0x7F, 0xFF, 0xFF }, 0x7FFFFF)]
        [InlineData(new byte[] { 0x27, 0x01, 0x80, 0x00, 0x00 }, -0x800000)]
        public void Reads_signed_24_bit_composition_time(byte[] body, int expected)
        {
            var header = VideoTagHeader.Parse(body);
            Assert.Equal(VideoPacketKind.CodedFrames, header.PacketKind);
            Assert.Equal(expected, header.CompositionTime);
            Assert.False(header.IsKeyFrame);
        }

        [Fact]
        public void Maps_codec_id_12_to_hevc()
        {
            var header = VideoTagHeader.Parse(new byte[] { 0x1C, 0x00, 0, 0, 0, 1 });
            Assert.Equal(VideoCodec.Hevc, header.Codec);
            Assert.True(header.IsSequenceHeader);
        }

        [Theory]
        [InlineData(0x12, VideoCodec.SorensonH263)]
        [InlineData(0x13, VideoCodec.Screen)]
        [InlineData(0x14, VideoCodec.Vp6)]
        [InlineData(0x15, VideoCodec.Vp6Alpha)]
        [InlineData(0x16, VideoCodec.ScreenV2)]
        [InlineData(0x1A, VideoCodec.Unknown)]
        public void Reads_other_legacy_codecs_with_data_after_one_byte(byte first, VideoCodec codec)
        {
            var header = VideoTagHeader.Parse(new[] { first, (byte)0 });
            Assert.Equal(codec, header.Codec);
            Assert.Equal(1, header.DataOffset);
            Assert.Equal(VideoPacketKind.CodedFrames, header.PacketKind);
        }

        [Fact]
        public void Legacy_command_frame_has_a_command_byte_and_no_packet_type()
        {
            var header = VideoTagHeader.Parse(new byte[] { 0x57, 0x00 });
            Assert.True(header.IsCommandFrame);
            Assert.Equal(VideoPacketKind.Other, header.PacketKind);
            Assert.Equal(1, header.DataOffset);
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0x17 })]
        [InlineData(new byte[] { 0x17, 0x00, 0x00, 0x00 })]
        [InlineData(new byte[] { 0x17, 0x03, 0x00, 0x00, 0x00 })]
        [InlineData(new byte[] { 0x07, 0x01, 0x00, 0x00, 0x00 })]
        [InlineData(new byte[] { 0x67, 0x01, 0x00, 0x00, 0x00 })]
        [InlineData(new byte[] { 0x90, 0x61, 0x76 })]
        [InlineData(new byte[] { 0x91, 0x68, 0x76, 0x63, 0x31, 0x00 })]
        [InlineData(new byte[] { 0x87, 0x00 })]
        public void Short_or_malformed_bodies_are_refused(byte[] body)
        {
            Assert.False(VideoTagHeader.TryParse(body, out _));
            Assert.Throws<MediaFormatException>(() => VideoTagHeader.Parse(body));
        }

        [Theory]
        [InlineData(FourCc.Avc1, VideoCodec.Avc)]
        [InlineData(FourCc.Hvc1, VideoCodec.Hevc)]
        [InlineData(FourCc.Av01, VideoCodec.Av1)]
        [InlineData(FourCc.Vp09, VideoCodec.Vp9)]
        [InlineData(0x41424344u, VideoCodec.Unknown)]
        public void Enhanced_sequence_start_names_the_codec_by_fourcc(uint fourCc, VideoCodec codec)
        {
            var body = new byte[] { 0x90, (byte)(fourCc >> 24), (byte)(fourCc >> 16), (byte)(fourCc >> 8), (byte)fourCc, 1 };
            var header = VideoTagHeader.Parse(body);
            Assert.True(header.IsEnhanced);
            Assert.True(header.IsSequenceHeader);
            Assert.Equal(codec, header.Codec);
            Assert.Equal(fourCc, header.FourCc);
            Assert.Equal(5, header.DataOffset);
        }

        [Fact]
        public void Enhanced_coded_frames_carry_composition_time_only_for_avc_and_hevc()
        {
            var hevc = VideoTagHeader.Parse(new byte[] { 0xA1, 0x68, 0x76, 0x63, 0x31, 0xFF, 0xFF, 0xF6, 0 });
            Assert.Equal(-10, hevc.CompositionTime);
            Assert.Equal(8, hevc.DataOffset);
            Assert.Equal(VideoFrameType.Inter, hevc.FrameType);

            var av1 = VideoTagHeader.Parse(new byte[] { 0x91, 0x61, 0x76, 0x30, 0x31, 0x12, 0x00 });
            Assert.Equal(0, av1.CompositionTime);
            Assert.Equal(5, av1.DataOffset);
            Assert.Equal(VideoPacketKind.CodedFrames, av1.PacketKind);
        }

        [Theory]
        [InlineData(2, VideoPacketKind.SequenceEnd)]
        [InlineData(3, VideoPacketKind.CodedFrames)]
        [InlineData(4, VideoPacketKind.Metadata)]
        [InlineData(5, VideoPacketKind.Other)]
        [InlineData(9, VideoPacketKind.Other)]
        public void Enhanced_packet_types_map_to_kinds(int packetType, VideoPacketKind kind)
        {
            var header = VideoTagHeader.Parse(new byte[] { (byte)(0x90 | packetType), 0x68, 0x76, 0x63, 0x31 });
            Assert.Equal(kind, header.PacketKind);
            Assert.Equal(0, header.CompositionTime);
            Assert.Equal(5, header.DataOffset);
        }

        [Fact]
        public void Enhanced_command_frame_has_no_fourcc()
        {
            var header = VideoTagHeader.Parse(new byte[] { 0xD1, 0x00 });
            Assert.True(header.IsCommandFrame);
            Assert.Equal(0u, header.FourCc);
            Assert.Equal(1, header.DataOffset);
        }

        [Fact]
        public void Enhanced_modex_prefix_is_skipped_to_the_real_packet_type()
        {
            // ModEx with 3 bytes of TimestampOffsetNano (size-1 = 2), then modExType 0 | CodedFramesX.
            var body = new byte[] { 0x97, 0x02, 0x00, 0x01, 0x02, 0x03, 0x61, 0x76, 0x63, 0x31, 0xAA };
            var header = VideoTagHeader.Parse(body);
            Assert.Equal(VideoPacketKind.CodedFrames, header.PacketKind);
            Assert.Equal(FourCc.Avc1, header.FourCc);
            Assert.Equal(10, header.DataOffset);
            Assert.True(header.IsKeyFrame);
        }

        [Fact]
        public void Multitrack_reports_other_with_the_shared_fourcc()
        {
            var oneTrack = VideoTagHeader.Parse(new byte[] { 0x96, 0x00, 0x68, 0x76, 0x63, 0x31, 0x00 });
            Assert.Equal(VideoPacketKind.Other, oneTrack.PacketKind);
            Assert.Equal(VideoCodec.Hevc, oneTrack.Codec);
            Assert.Equal(6, oneTrack.DataOffset);

            var manyCodecs = VideoTagHeader.Parse(new byte[] { 0x96, 0x21, 0x00 });
            Assert.Equal(0u, manyCodecs.FourCc);
            Assert.Equal(2, manyCodecs.DataOffset);
        }

        [Theory]
        [InlineData(VideoFrameType.Key, VideoPacketKind.SequenceStart, 0)]
        [InlineData(VideoFrameType.Inter, VideoPacketKind.CodedFrames, -33)]
        [InlineData(VideoFrameType.Key, VideoPacketKind.CodedFrames, 0x7FFFFF)]
        [InlineData(VideoFrameType.Key, VideoPacketKind.SequenceEnd, 0)]
        public void Legacy_avc_header_round_trips(VideoFrameType frameType, VideoPacketKind kind, int compositionTime)
        {
            var buffer = new byte[5];
            Assert.Equal(5, VideoTagHeader.WriteAvc(buffer, frameType, kind, compositionTime));
            var header = VideoTagHeader.Parse(buffer);
            Assert.Equal(frameType, header.FrameType);
            Assert.Equal(kind, header.PacketKind);
            Assert.Equal(kind == VideoPacketKind.CodedFrames ? compositionTime : 0, header.CompositionTime);
            Assert.Equal(VideoCodec.Avc, header.Codec);
        }

        [Theory]
        [InlineData(FourCc.Hvc1, VideoPacketKind.CodedFrames, 40, 8)]
        [InlineData(FourCc.Hvc1, VideoPacketKind.CodedFrames, 0, 5)]
        [InlineData(FourCc.Avc1, VideoPacketKind.SequenceStart, 0, 5)]
        [InlineData(FourCc.Av01, VideoPacketKind.CodedFrames, 0, 5)]
        [InlineData(FourCc.Vp09, VideoPacketKind.SequenceEnd, 0, 5)]
        public void Enhanced_header_round_trips(uint fourCc, VideoPacketKind kind, int compositionTime, int length)
        {
            var buffer = new byte[8];
            Assert.Equal(length, VideoTagHeader.WriteEnhanced(buffer, VideoFrameType.Key, fourCc, kind, compositionTime));
            var header = VideoTagHeader.Parse(buffer.AsSpan(0, length));
            Assert.Equal(fourCc, header.FourCc);
            Assert.Equal(kind, header.PacketKind);
            Assert.Equal(compositionTime, header.CompositionTime);
            Assert.Equal(length, header.DataOffset);
        }

        [Fact]
        public void Enhanced_zero_composition_time_uses_coded_frames_x()
        {
            var buffer = new byte[8];
            VideoTagHeader.WriteEnhanced(buffer, VideoFrameType.Key, FourCc.Avc1, VideoPacketKind.CodedFrames, 0);
            Assert.Equal(0x93, buffer[0]);
            VideoTagHeader.WriteEnhanced(buffer, VideoFrameType.Inter, FourCc.Avc1, VideoPacketKind.CodedFrames, 1);
            Assert.Equal(0xA1, buffer[0]);
        }

        [Fact]
        public void Writers_reject_values_the_fields_cannot_hold()
        {
            var buffer = new byte[8];
            Assert.Throws<ArgumentOutOfRangeException>(() => VideoTagHeader.WriteAvc(buffer, VideoFrameType.Key, VideoPacketKind.CodedFrames, 0x800000));
            Assert.Throws<ArgumentOutOfRangeException>(() => VideoTagHeader.WriteAvc(buffer, VideoFrameType.Key, VideoPacketKind.Metadata, 0));
            Assert.Throws<ArgumentException>(() => VideoTagHeader.WriteAvc(new byte[4], VideoFrameType.Key, VideoPacketKind.CodedFrames, 0));
            Assert.Throws<ArgumentException>(() => VideoTagHeader.WriteEnhanced(buffer, VideoFrameType.Key, FourCc.Av01, VideoPacketKind.CodedFrames, 5));
        }

        [Fact]
        public void Fourcc_text_is_printable()
        {
            Assert.Equal("avc1", FourCc.ToString(FourCc.Avc1));
            Assert.Equal("hvc1", FourCc.ToString(FourCc.Hvc1));
            Assert.Equal("av01", FourCc.ToString(FourCc.Av01));
            Assert.Equal("vp09", FourCc.ToString(FourCc.Vp09));
            Assert.Equal("?ab?", FourCc.ToString(0x0A6162FFu));
        }
    }
}
