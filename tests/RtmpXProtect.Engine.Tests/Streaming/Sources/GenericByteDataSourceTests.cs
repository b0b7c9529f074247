using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.Tests.Media;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public class GenericByteDataSourceTests
    {
        private const long Epoch = 1_700_000_000_000;

        [Fact]
        public async Task B_frames_in_decode_order_keep_their_presentation_offsets()
        {
            // I P B B P B B ... in decode order, presentation in display slots of 40 ms: I0 P3 B1 B2 P6 B4 B5.
            int[] slots = { 0, 3, 1, 2, 6, 4, 5, 9, 7, 8 };
            var bytes = Frames(GenericByteDataCodec.H264, slots);
            var source = new GenericByteDataSource(() => new MemoryStream(bytes), "test frames");
            var frames = await ReadAll(source);

            Assert.Equal(FrameKind.VideoConfig, frames[0].Kind);
            var coded = frames.Skip(1).ToList();
            Assert.Equal(slots.Length, coded.Count);
            var pts = coded.Select(f => f.Message.Timestamp + VideoTagHeader.Parse(f.Message.Payload.Span).CompositionTime).ToList();
            Assert.Equal(slots.Select(s => (long)s * 40), pts.Select(p => (long)p));
            var dts = coded.Select(f => f.Message.Timestamp).ToList();
            Assert.Equal(dts.OrderBy(d => d), dts);
            Assert.All(coded, f => Assert.True(VideoTagHeader.Parse(f.Message.Payload.Span).CompositionTime >= 0));
            Assert.Equal(FrameKind.VideoKeyFrame, coded[0].Kind);
        }

        [Fact]
        public async Task H265_frames_become_hvc1()
        {
            var bytes = Frames(GenericByteDataCodec.H265, new[] { 0, 1, 2 });
            var frames = await ReadAll(new GenericByteDataSource(() => new MemoryStream(bytes), "test frames"));
            Assert.Equal(4, frames.Count);
            Assert.All(frames, f => Assert.Equal(FourCc.Hvc1, VideoTagHeader.Parse(f.Message.Payload.Span).FourCc));
        }

        [Fact]
        public async Task A_JPEG_stream_is_refused_with_its_codec_named()
        {
            var bytes = Frames(GenericByteDataCodec.Jpeg, new[] { 0 });
            var e = await Assert.ThrowsAsync<FrameSourceException>(() => ReadAll(new GenericByteDataSource(() => new MemoryStream(bytes), "test frames")));
            Assert.Contains("0x0001", e.Message);
        }

        [Fact]
        public async Task A_truncated_stream_is_a_source_error()
        {
            var bytes = Frames(GenericByteDataCodec.H264, new[] { 0, 1 });
            var cut = bytes.AsSpan(0, bytes.Length - 3).ToArray();
            var e = await Assert.ThrowsAsync<FrameSourceException>(() => ReadAll(new GenericByteDataSource(() => new MemoryStream(cut), "test frames")));
            Assert.Contains("cut off", e.Message);
        }

        [Fact]
        public async Task A_file_is_paced_by_its_picture_timestamps()
        {
            var bytes = Frames(GenericByteDataCodec.H264, Enumerable.Range(0, 25).ToArray());
            var clock = new VirtualPlaybackClock();
            await ReadAll(new GenericByteDataSource(() => new MemoryStream(bytes), "test frames", clock));
            Assert.Equal(24 * 40, clock.ElapsedMilliseconds);
        }

        internal static byte[] Frames(ushort codec, int[] slots)
        {
            var output = new MemoryStream();
            for (int i = 0; i < slots.Length; i++)
            {
                bool key = i == 0;
                byte[] payload = codec == GenericByteDataCodec.H265
                    ? key
                        ? AnnexBToFlvTests.AnnexBOf(MediaVectors.Hex(MediaVectors.HevcVps720), MediaVectors.Hex(MediaVectors.HevcSps720), MediaVectors.Hex(MediaVectors.HevcPps), new byte[] { 0x26, 0x01, 0xAF, (byte)i })
                        : AnnexBToFlvTests.AnnexBOf(new byte[] { 0x02, 0x01, 0xD0, (byte)i })
                    : key
                        ? AnnexBToFlvTests.AnnexBOf(MediaVectors.Hex(MediaVectors.AvcSps720), MediaVectors.Hex(MediaVectors.AvcPps), new byte[] { 0x65, 0x88, (byte)i })
                        : AnnexBToFlvTests.AnnexBOf(new byte[] { 0x41, 0x9A, (byte)i });
                var header = new GenericByteDataHeader(0x0010, (uint)(32 + payload.Length), codec, (ushort)i, (ushort)(key ? 1 : 0), Epoch, Epoch + (slots[i] * 40));
                var bytes = new byte[32];
                header.Write(bytes);
                output.Write(bytes, 0, 32);
                output.Write(payload, 0, payload.Length);
            }

            return output.ToArray();
        }

        private static async Task<List<MediaFrame>> ReadAll(IFrameSource source)
        {
            var frames = new List<MediaFrame>();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await foreach (var frame in source.ReadAsync(cancel.Token))
            {
                frames.Add(frame);
            }

            return frames;
        }
    }
}
