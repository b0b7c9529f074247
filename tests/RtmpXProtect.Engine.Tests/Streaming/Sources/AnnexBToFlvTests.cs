using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Tests.Media;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public class AnnexBToFlvTests
    {
        private static readonly byte[] Aud = { 0x09, 0xF0 };
        private static readonly byte[] Idr = { 0x65, 0x88, 0x84, 0x00, 0x33 };
        private static readonly byte[] Slice = { 0x41, 0x9A, 0x02, 0x03 };
        private static readonly byte[] HevcAud = { 0x46, 0x01, 0x50 };
        private static readonly byte[] HevcIdr = { 0x26, 0x01, 0xAF, 0x12, 0x34 };
        private static readonly byte[] HevcTrail = { 0x02, 0x01, 0xD0, 0x55 };

        [Fact]
        public void A_key_unit_gives_a_sequence_header_from_its_SPS_and_PPS_then_the_frame_without_them()
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            var sps = MediaVectors.Hex(MediaVectors.AvcSps720);
            var pps = MediaVectors.Hex(MediaVectors.AvcPps);
            var bodies = converter.Convert(AnnexBOf(Aud, sps, pps, Idr), 0, 0, isKeyFrame: true);

            Assert.Equal(2, bodies.Count);
            var header = VideoTagHeader.Parse(bodies[0]);
            Assert.True(header.IsSequenceHeader);
            Assert.Equal(VideoCodec.Avc, header.Codec);
            Assert.False(header.IsEnhanced);
            var record = AvcDecoderConfigurationRecord.Parse(bodies[0].AsSpan(header.DataOffset), WireLimits.Default);
            Assert.Equal(sps, record.Sps.Single());
            Assert.Equal(pps, record.Pps.Single());
            Assert.Equal(4, record.NalLengthSize);

            var frame = VideoTagHeader.Parse(bodies[1]);
            Assert.True(frame.IsKeyFrame);
            Assert.Equal(VideoPacketKind.CodedFrames, frame.PacketKind);
            Assert.Equal(new[] { Idr }, Units(bodies[1], frame.DataOffset));
        }

        [Fact]
        public void The_same_parameter_sets_again_give_no_new_header_but_a_changed_SPS_does()
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            var pps = MediaVectors.Hex(MediaVectors.AvcPps);
            var sps720 = MediaVectors.Hex(MediaVectors.AvcSps720);
            var sps1080 = MediaVectors.Hex(MediaVectors.AvcSps1080);
            converter.Convert(AnnexBOf(sps720, pps, Idr), 0, 0, true);
            Assert.Single(converter.Convert(AnnexBOf(Slice), 40, 40, false));
            Assert.Single(converter.Convert(AnnexBOf(sps720, pps, Idr), 80, 80, true));

            var bodies = converter.Convert(AnnexBOf(sps1080, pps, Idr), 120, 120, true);
            Assert.Equal(2, bodies.Count);
            var header = VideoTagHeader.Parse(bodies[0]);
            var record = AvcDecoderConfigurationRecord.Parse(bodies[0].AsSpan(header.DataOffset), WireLimits.Default);
            Assert.Equal(sps1080, record.Sps.Single());
            Assert.Equal(2, converter.SequenceHeaders);
        }

        [Theory]
        [InlineData(40, 120, 80)]
        [InlineData(40, 40, 0)]
        [InlineData(200, 160, -40)]
        public void Composition_time_is_pts_minus_dts(long dts, long pts, int expected)
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            converter.Convert(AnnexBOf(MediaVectors.Hex(MediaVectors.AvcSps720), MediaVectors.Hex(MediaVectors.AvcPps), Idr), 0, 0, true);
            var body = converter.Convert(AnnexBOf(Aud, Slice), dts, pts, false).Single();
            var header = VideoTagHeader.Parse(body);
            Assert.Equal(expected, header.CompositionTime);
            Assert.False(header.IsKeyFrame);
            Assert.Equal(new[] { Slice }, Units(body, header.DataOffset));
        }

        [Fact]
        public void A_composition_time_beyond_24_bits_is_a_format_error()
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            Assert.Throws<MediaFormatException>(() => converter.Convert(AnnexBOf(Slice), 0, 0x800000, false));
        }

        [Fact]
        public void Converting_into_a_buffer_gives_the_same_bodies_and_reuses_the_buffer_while_it_is_large_enough()
        {
            var sps = MediaVectors.Hex(MediaVectors.AvcSps720);
            var pps = MediaVectors.Hex(MediaVectors.AvcPps);
            var units = new[] { AnnexBOf(Aud, sps, pps, Idr), AnnexBOf(Slice), AnnexBOf(sps, pps, Idr) };
            var fresh = new AnnexBToFlv(VideoCodec.Avc);
            var expected = units.Select((u, i) => fresh.Convert(u, i * 40, (i * 40) + 80, i != 1)).ToList();

            var reusing = new AnnexBToFlv(VideoCodec.Avc);
            var buffer = new byte[64];
            var given = buffer;
            for (int i = 0; i < units.Length; i++)
            {
                int length = reusing.Convert(units[i], i * 40, (i * 40) + 80, i != 1, ref buffer, out var header);
                Assert.Equal(expected[i].Count == 2 ? expected[i][0] : null, header);
                Assert.Equal(expected[i][^1], buffer.AsSpan(0, length).ToArray());
            }

            Assert.Same(given, buffer);
            var small = new byte[2];
            int grown = reusing.Convert(AnnexBOf(Idr), 200, 200, true, ref small, out _);
            Assert.Equal(5 + 4 + Idr.Length, grown);
            Assert.Equal(grown, small.Length);
        }

        [Fact]
        public void Frames_before_the_first_parameter_sets_are_dropped_and_counted()
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            Assert.Empty(converter.Convert(AnnexBOf(Slice), 0, 0, false));
            Assert.Empty(converter.Convert(AnnexBOf(MediaVectors.Hex(MediaVectors.AvcSps720), Slice), 40, 40, false));
            Assert.Equal(2, converter.DroppedBeforeSequenceHeader);
            Assert.Equal(2, converter.Convert(AnnexBOf(MediaVectors.Hex(MediaVectors.AvcPps), Idr), 80, 80, false).Count);
        }

        [Fact]
        public void An_IDR_slice_makes_a_key_frame_even_when_the_caller_did_not_say_so()
        {
            var converter = new AnnexBToFlv(VideoCodec.Avc);
            var bodies = converter.Convert(AnnexBOf(MediaVectors.Hex(MediaVectors.AvcSps720), MediaVectors.Hex(MediaVectors.AvcPps), Idr), 0, 0, false);
            Assert.True(VideoTagHeader.Parse(bodies[1]).IsKeyFrame);
        }

        [Fact]
        public void HEVC_goes_out_as_enhanced_hvc1_whose_record_parses_back_with_the_right_size()
        {
            var converter = new AnnexBToFlv(VideoCodec.Hevc);
            var vps = MediaVectors.Hex(MediaVectors.HevcVps720);
            var sps = MediaVectors.Hex(MediaVectors.HevcSps720);
            var pps = MediaVectors.Hex(MediaVectors.HevcPps);
            var bodies = converter.Convert(AnnexBOf(HevcAud, vps, sps, pps, HevcIdr), 0, 0, true);

            Assert.Equal(2, bodies.Count);
            var header = VideoTagHeader.Parse(bodies[0]);
            Assert.True(header.IsEnhanced);
            Assert.True(header.IsSequenceHeader);
            Assert.Equal(FourCc.Hvc1, header.FourCc);
            var record = HevcDecoderConfigurationRecord.Parse(bodies[0].AsSpan(header.DataOffset), WireLimits.Default);
            Assert.Equal(1280, record.Width);
            Assert.Equal(720, record.Height);
            Assert.Equal(new[] { 32, 33, 34 }, record.Arrays.Select(a => a.NalType));
            Assert.Equal(sps, record.Arrays[1].Units.Single());

            // CTS 0: CodedFramesX, whose NAL units start right after the FourCC.
            var key = VideoTagHeader.Parse(bodies[1]);
            Assert.True(key.IsKeyFrame);
            Assert.Equal(VideoCodec.Hevc, key.Codec);
            Assert.Equal(5, key.DataOffset);
            Assert.Equal(new[] { HevcIdr }, Units(bodies[1], key.DataOffset));

            var delayed = converter.Convert(AnnexBOf(HevcAud, HevcTrail), 40, 120, false).Single();
            var inter = VideoTagHeader.Parse(delayed);
            Assert.Equal(80, inter.CompositionTime);
            Assert.Equal(8, inter.DataOffset);
            Assert.False(inter.IsKeyFrame);
            Assert.Equal(new[] { HevcTrail }, Units(delayed, inter.DataOffset));
        }

        [Fact]
        public void A_changed_HEVC_SPS_gives_a_new_sequence_start()
        {
            var converter = new AnnexBToFlv(VideoCodec.Hevc);
            var vps = MediaVectors.Hex(MediaVectors.HevcVps720);
            var pps = MediaVectors.Hex(MediaVectors.HevcPps);
            converter.Convert(AnnexBOf(vps, MediaVectors.Hex(MediaVectors.HevcSps720), pps, HevcIdr), 0, 0, true);
            var bodies = converter.Convert(AnnexBOf(vps, MediaVectors.Hex(MediaVectors.HevcSps1080), pps, HevcIdr), 40, 40, true);
            var header = VideoTagHeader.Parse(bodies[0]);
            Assert.True(header.IsSequenceHeader);
            Assert.Equal(1920, HevcDecoderConfigurationRecord.Parse(bodies[0].AsSpan(header.DataOffset), WireLimits.Default).Width);
        }

        [Fact]
        public void Random_access_units_give_parseable_bodies_or_format_errors_only()
        {
            var random = new Random(7);
            var sps = MediaVectors.Hex(MediaVectors.AvcSps720);
            var pps = MediaVectors.Hex(MediaVectors.AvcPps);
            foreach (var codec in new[] { VideoCodec.Avc, VideoCodec.Hevc })
            {
                var converter = new AnnexBToFlv(codec);
                for (int i = 0; i < 1000; i++)
                {
                    var junk = new byte[random.Next(0, 64)];
                    random.NextBytes(junk);
                    var unit = i % 3 == 0 ? AnnexBOf(sps, pps, junk) : AnnexBOf(junk, junk);
                    try
                    {
                        foreach (var body in converter.Convert(unit, i, i, false))
                        {
                            Assert.True(VideoTagHeader.TryParse(body, out _));
                        }
                    }
                    catch (MediaFormatException)
                    {
                    }
                }
            }
        }

        internal static byte[] AnnexBOf(params byte[][] units)
        {
            var bytes = new List<byte>();
            foreach (var unit in units)
            {
                bytes.AddRange(new byte[] { 0, 0, 0, 1 });
                bytes.AddRange(unit);
            }

            return bytes.ToArray();
        }

        private static List<byte[]> Units(byte[] body, int offset)
        {
            var units = new List<byte[]>();
            while (offset < body.Length)
            {
                int length = (body[offset] << 24) | (body[offset + 1] << 16) | (body[offset + 2] << 8) | body[offset + 3];
                units.Add(body.AsSpan(offset + 4, length).ToArray());
                offset += 4 + length;
            }

            return units;
        }
    }
}
