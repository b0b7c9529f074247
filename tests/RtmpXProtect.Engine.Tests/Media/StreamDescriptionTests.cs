using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Hevc;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class StreamDescriptionTests
    {
        [Fact]
        public void Describes_an_ffmpeg_publish_as_the_server_logs_it()
        {
            var video = StreamDescription.DescribeVideo(Hex(AvcSequenceHeaderTag720), WireLimits.Default);
            var audio = StreamDescription.DescribeAudio(Hex(AacSequenceHeaderTag48kStereo));
            Assert.Equal("H.264 High@3.1 1280x720, AAC-LC 48000 Hz stereo", StreamDescription.Describe(video, audio));
            Assert.Equal(1280, video!.Width);
            Assert.Equal(48000, audio!.SampleRate);
            Assert.Equal(2, audio.Channels);
        }

        [Fact]
        public void Describes_enhanced_hevc_and_mp4a()
        {
            var record = HevcDecoderConfigurationRecord.Create(Hex(HevcVps720), Hex(HevcSps1080), Hex(HevcPps)).ToBytes();
            var body = new byte[5 + record.Length];
            VideoTagHeader.WriteEnhanced(body, VideoFrameType.Key, FourCc.Hvc1, VideoPacketKind.SequenceStart, 0);
            record.CopyTo(body, 5);
            var asc = AudioSpecificConfig.Create(2, 44100, 6);
            var audio = new byte[5 + asc.Length];
            audio[0] = 0x90;
            audio[1] = (byte)'m';
            audio[2] = (byte)'p';
            audio[3] = (byte)'4';
            audio[4] = (byte)'a';
            asc.CopyTo(audio, 5);
            Assert.Equal("H.265 Main@4.0 1920x1080, AAC-LC 44100 Hz 5.1", StreamDescription.FromSequenceHeaders(body, audio, WireLimits.Default).ToString());
        }

        [Fact]
        public void Describes_opus_from_its_head()
        {
            var body = new byte[] { 0x90, 0x4F, 0x70, 0x75, 0x73, (byte)'O', (byte)'p', (byte)'u', (byte)'s', (byte)'H', (byte)'e', (byte)'a', (byte)'d', 1, 2, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0 };
            Assert.Equal("Opus 48000 Hz stereo", StreamDescription.DescribeAudio(body)!.ToString());
        }

        [Fact]
        public void Describes_legacy_codecs_from_their_header_bits()
        {
            Assert.Equal("MP3 44100 Hz stereo", StreamDescription.DescribeAudio(new byte[] { 0x2F, 0xFF })!.ToString());
            Assert.Equal("G.711 mu-law 8000 Hz mono", StreamDescription.DescribeAudio(new byte[] { 0x82, 0xFF })!.ToString());
            Assert.Equal("VP6", StreamDescription.DescribeVideo(new byte[] { 0x14, 0x00 }, WireLimits.Default)!.ToString());
        }

        [Fact]
        public void Missing_tracks_are_left_out()
        {
            var audio = StreamDescription.DescribeAudio(Hex(AacSequenceHeaderTag48kStereo));
            Assert.Equal("AAC-LC 48000 Hz stereo", StreamDescription.Describe(null, audio));
            Assert.Equal("no media", StreamDescription.Describe(null, null));
            Assert.Equal("AAC-LC 48000 Hz stereo", StreamDescription.FromSequenceHeaders(default, Hex(AacSequenceHeaderTag48kStereo), WireLimits.Default).ToString());
        }

        [Fact]
        public void Falls_back_to_the_record_profile_when_the_sps_is_unreadable()
        {
            var body = Hex(AvcSequenceHeaderTag720);
            // Zero the SPS after its profile/level bytes: 32+ leading zeros is no exp-Golomb code.
            for (int i = 5 + 8 + 4; i < 5 + 8 + 26; i++)
            {
                body[i] = 0x00;
            }

            var video = StreamDescription.DescribeVideo(body, WireLimits.Default);
            Assert.Equal("H.264 High@3.1", video!.ToString());
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0x27, 0x01, 0, 0, 0, 0x65 })]
        [InlineData(new byte[] { 0x17, 0x00, 0, 0, 0, 0x01, 0x64 })]
        [InlineData(new byte[] { 0x1A, 0x00 })]
        public void Returns_null_for_video_it_cannot_describe(byte[] body)
        {
            Assert.Null(StreamDescription.DescribeVideo(body, WireLimits.Default));
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0xAF, 0x01, 0x21 })]
        [InlineData(new byte[] { 0xAF, 0x00, 0x01 })]
        public void Returns_null_for_audio_it_cannot_describe(byte[] body)
        {
            Assert.Null(StreamDescription.DescribeAudio(body));
        }

        [Fact]
        public void Describing_never_throws_on_truncated_sequence_headers()
        {
            var video = Hex(AvcSequenceHeaderTag720);
            for (int length = 0; length < video.Length; length++)
            {
                StreamDescription.DescribeVideo(video.AsSpan(0, length), WireLimits.Default);
            }

            var audio = Hex(AacSequenceHeaderTag48kStereo);
            for (int length = 0; length < audio.Length; length++)
            {
                StreamDescription.DescribeAudio(audio.AsSpan(0, length));
            }
        }
    }
}
