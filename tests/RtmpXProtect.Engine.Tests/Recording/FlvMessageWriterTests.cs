using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Recording
{
    public class FlvMessageWriterTests
    {
        [Fact]
        public void Timestamps_are_rebased_to_zero_and_the_publishers_metadata_comes_first()
        {
            var tags = Write(
                new RtmpMessage(MessageType.DataAmf0, 5000, 1, Frames.Metadata()),
                new RtmpMessage(MessageType.Video, 5000, 1, Frames.AvcSequenceHeader()),
                new RtmpMessage(MessageType.Video, 5000, 1, Frames.Video(true, 50, 1)),
                new RtmpMessage(MessageType.Video, 5040, 1, Frames.Video(false, 50, 1)),
                new RtmpMessage(MessageType.DataAmf0, 5050, 1, Frames.Metadata()),
                out var flags);

            Assert.Equal(FlvTagType.Script, tags[0].Type);
            Assert.Equal(Frames.Metadata(), tags[0].Body);
            // A second onMetaData is live-only; a file has one.
            Assert.Single(tags, t => t.Type == FlvTagType.Script);
            Assert.Equal(new uint[] { 0, 0, 0, 40 }, tags.Select(t => t.Timestamp));
            Assert.Equal(0x01, flags);
        }

        [Fact]
        public void Metadata_is_synthesised_when_none_came()
        {
            var tags = Write(new RtmpMessage(MessageType.Audio, 100, 1, Frames.AacSequenceHeader()), new RtmpMessage(MessageType.Audio, 123, 1, Frames.Aac(1)), out var flags);
            Assert.Equal(FlvTagType.Script, tags[0].Type);
            var values = Amf0Reader.ReadAll(tags[0].Body, WireLimits.Default);
            Assert.Equal("onMetaData", values[0]);
            Assert.Equal(new uint[] { 0, 0, 23 }, tags.Select(t => t.Timestamp));
            Assert.Equal(0x04, flags);
        }

        [Fact]
        public void Rebasing_crosses_the_32_bit_wrap()
        {
            var tags = Write(
                new RtmpMessage(MessageType.Video, 0xFFFF_FF00, 1, Frames.Video(true, 20, 1)),
                new RtmpMessage(MessageType.Video, 0x0000_0100, 1, Frames.Video(false, 20, 1)),
                new RtmpMessage(MessageType.Audio, 0xFFFF_FF80, 1, Frames.Aac(1)),
                out _);
            Assert.Equal(new uint[] { 0, 0, 0x200, 0x80 }, tags.Select(t => t.Timestamp));
        }

        [Fact]
        public void A_frame_older_than_the_first_is_written_at_zero()
        {
            var tags = Write(new RtmpMessage(MessageType.Video, 1000, 1, Frames.Video(true, 20, 1)), new RtmpMessage(MessageType.Audio, 990, 1, Frames.Aac(1)), out _);
            Assert.Equal(new uint[] { 0, 0, 0 }, tags.Select(t => t.Timestamp));
        }

        private static List<FlvTag> Write(RtmpMessage a, RtmpMessage b, out int flags) => Write(new[] { a, b }, out flags);

        private static List<FlvTag> Write(RtmpMessage a, RtmpMessage b, RtmpMessage c, out int flags) => Write(new[] { a, b, c }, out flags);

        private static List<FlvTag> Write(RtmpMessage a, RtmpMessage b, RtmpMessage c, RtmpMessage d, RtmpMessage e, out int flags) => Write(new[] { a, b, c, d, e }, out flags);

        private static List<FlvTag> Write(RtmpMessage[] messages, out int flags)
        {
            var stream = new MemoryStream();
            using (var writer = new FlvMessageWriter(stream))
            {
                foreach (var message in messages)
                {
                    writer.Write(message);
                }
            }

            flags = stream.ToArray()[4];
            stream.Position = 0;
            var reader = new FlvReader(stream, WireLimits.Default);
            var tags = new List<FlvTag>();
            while (reader.ReadTag() is FlvTag tag)
            {
                tags.Add(tag);
            }

            return tags;
        }
    }
}
