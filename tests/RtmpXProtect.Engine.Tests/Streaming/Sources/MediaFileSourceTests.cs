using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public sealed class MediaFileSourceTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "rtmpx-flvsource-" + Guid.NewGuid().ToString("N"));

        public MediaFileSourceTests()
        {
            Directory.CreateDirectory(_directory);
        }

        [Fact]
        public async Task Each_pass_continues_the_timestamps_one_frame_after_the_last_and_resends_the_headers()
        {
            // 1000 ms origin in the file, 10 video frames 40 ms apart, audio at 23 ms steps.
            var path = WriteFile(origin: 1000, videoFrames: 10);
            var clock = new VirtualPlaybackClock();
            var source = new MediaFileSource(path, loop: true, clock);

            var frames = await Take(source, 3 * FramesPerPass(10));
            var video = frames.Where(f => f.Message.Type == RtmpXProtect.Engine.Rtmp.Messages.MessageType.Video && !f.IsConfig).Select(f => f.Message.Timestamp).ToList();

            Assert.Equal(30, video.Count);
            Assert.Equal(Enumerable.Range(0, 30).Select(i => (uint)(i * 40)), video);
            var all = frames.Select(f => f.Message.Timestamp).ToList();
            for (int i = 1; i < all.Count; i++)
            {
                Assert.True(all[i] >= all[i - 1] || frames[i].IsConfig, $"timestamp went back at frame {i}: {all[i - 1]} → {all[i]}");
            }

            Assert.Equal(3, frames.Count(f => f.Kind == FrameKind.VideoConfig));
            Assert.Equal(3, frames.Count(f => f.Kind == FrameKind.AudioConfig));
            Assert.Equal(3, frames.Count(f => f.Kind == FrameKind.Metadata));
            Assert.Equal(400u, frames.First(f => f.Kind == FrameKind.VideoConfig && f.Message.Timestamp > 0).Message.Timestamp);
            Assert.Equal(3, source.Passes);

            // Paced: the clock was asked to wait up to the last frame's time, no more.
            Assert.Equal(all.Max(), clock.ElapsedMilliseconds);
        }

        [Fact]
        public async Task Without_looping_the_source_ends_after_one_pass()
        {
            var path = WriteFile(origin: 0, videoFrames: 5);
            var source = new MediaFileSource(path, loop: false, new VirtualPlaybackClock());
            var frames = await Take(source, int.MaxValue);
            Assert.Equal(FramesPerPass(5), frames.Count);
        }

        [Fact]
        public async Task A_missing_file_fails_with_a_source_error_naming_the_file()
        {
            var source = new MediaFileSource(Path.Combine(_directory, "absent.flv"), true, new VirtualPlaybackClock());
            var e = await Assert.ThrowsAsync<FrameSourceException>(() => Take(source, 1));
            Assert.Contains("absent.flv", e.Message);
        }

        [Fact]
        public async Task An_mp4_file_loops_like_an_flv_one_with_its_sequence_headers_each_pass()
        {
            var path = Path.Combine(_directory, "clip.mp4");
            var track = new Mp4VideoTrack(Mp4Codec.Avc, 320, 240, new byte[] { 1, 0x42, 0, 0x1E, 0xFF, 0xE0, 0 });
            using (var writer = new FragmentedMp4Writer(path, track, DateTimeOffset.UtcNow))
            {
                for (int i = 0; i < 10; i++)
                {
                    writer.Write(new byte[] { 0, 0, 0, 1, (byte)i }, i * 40, i * 40, sync: i == 0);
                }

                writer.Complete(40);
            }

            var source = new MediaFileSource(path, loop: true, new VirtualPlaybackClock());
            var frames = await Take(source, 33);

            Assert.Equal("MP4 file clip.mp4 (looped)", source.Description);
            Assert.Equal(3, frames.Count(f => f.Kind == FrameKind.VideoConfig));
            var video = frames.Where(f => f.Message.Type == RtmpXProtect.Engine.Rtmp.Messages.MessageType.Video && !f.IsConfig).Select(f => f.Message.Timestamp).ToList();
            Assert.Equal(Enumerable.Range(0, 30).Select(i => (uint)(i * 40)), video);
        }

        [Fact]
        public async Task A_file_that_is_not_mp4_fails_with_a_source_error_saying_so()
        {
            var path = Path.Combine(_directory, "junk.mp4");
            File.WriteAllBytes(path, new byte[] { 0, 0, 0, 8, (byte)'f', (byte)'r', (byte)'e', (byte)'e' });
            var source = new MediaFileSource(path, true, new VirtualPlaybackClock());
            var e = await Assert.ThrowsAsync<FrameSourceException>(() => Take(source, 1));
            Assert.Contains("is not a readable MP4 file", e.Message);
        }

        [Fact]
        public async Task A_file_that_is_not_FLV_fails_with_a_source_error()
        {
            var path = Path.Combine(_directory, "junk.flv");
            File.WriteAllBytes(path, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 });
            var source = new MediaFileSource(path, true, new VirtualPlaybackClock());
            await Assert.ThrowsAsync<FrameSourceException>(() => Take(source, 1));
        }

        [Fact]
        public async Task An_FLV_without_tags_fails_instead_of_looping_forever()
        {
            var path = Path.Combine(_directory, "empty.flv");
            using (var file = File.Create(path))
            using (new FlvWriter(file, true, true))
            {
            }

            var source = new MediaFileSource(path, true, new VirtualPlaybackClock());
            var e = await Assert.ThrowsAsync<FrameSourceException>(() => Take(source, 1));
            Assert.Contains("no audio, video or data", e.Message);
        }

        public void Dispose() => Directory.Delete(_directory, true);

        private static int FramesPerPass(int videoFrames) => 3 + videoFrames + AudioFrames(videoFrames);

        private static int AudioFrames(int videoFrames) => ((videoFrames - 1) * 40 / 23) + 1;

        private static async Task<List<MediaFrame>> Take(IFrameSource source, int count)
        {
            var frames = new List<MediaFrame>();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await foreach (var frame in source.ReadAsync(cancel.Token))
            {
                frames.Add(frame);
                if (frames.Count == count)
                {
                    break;
                }
            }

            return frames;
        }

        private string WriteFile(uint origin, int videoFrames)
        {
            var path = Path.Combine(_directory, $"clip-{origin}-{videoFrames}.flv");
            using var file = File.Create(path);
            using var writer = new FlvWriter(file, true, true);
            writer.WriteTag(FlvTagType.Script, origin, Amf0Writer.Serialize("onMetaData", new AmfEcmaArray { { "width", 320.0 } }));
            writer.WriteTag(FlvTagType.Video, origin, Frames.AvcSequenceHeader());
            writer.WriteTag(FlvTagType.Audio, origin, Frames.AacSequenceHeader());
            int audio = 0;
            for (int i = 0; i < videoFrames; i++)
            {
                uint t = (uint)(i * 40);
                while (audio * 23 <= t)
                {
                    writer.WriteTag(FlvTagType.Audio, origin + (uint)(audio * 23), Frames.Aac((byte)audio));
                    audio++;
                }

                writer.WriteTag(FlvTagType.Video, origin + t, Frames.Video(i % 5 == 0, 50, (byte)i));
            }

            return path;
        }
    }
}
