using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Publishing;
using RtmpXProtect.Engine.Tests.Server;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Publishing
{
    public class SilentAudioTests
    {
        [Theory]
        [InlineData(48000)]
        [InlineData(44100)]
        public void Frame_ten_million_starts_exactly_where_the_sample_counter_says_after_taking_every_frame(int rate)
        {
            var clock = new SilentAudioClock(5_000, rate);
            long previous = -1;
            for (long n = 0; n < 10_000_000; n++)
            {
                var t = clock.Take();
                Assert.True(t > previous || rate > 1024 * 1000, "monotonic");
                previous = t;
            }

            // 10^7 frames = 213 333 s at 48 kHz, about 2.5 days: computed with decimals, independently.
            var exact = 5_000 + decimal.Floor(10_000_000m * 1024m * 1000m / rate);
            Assert.Equal((long)exact, clock.NextTime);

            // A fixed 21 ms (or 23 ms at 44.1 kHz) step would be this far off after the same frames.
            Assert.NotEqual(5_000 + 10_000_000L * (1024 * 1000 / rate), clock.NextTime);
        }

        [Fact]
        public void Consecutive_frames_are_21_or_22_ms_apart_at_48_kHz()
        {
            var clock = new SilentAudioClock(0, 48000);
            var times = Enumerable.Range(0, 1000).Select(_ => clock.Take()).ToList();
            var steps = times.Zip(times.Skip(1), (a, b) => b - a).Distinct().OrderBy(s => s).ToList();
            Assert.Equal(new long[] { 21, 22 }, steps);
        }

        [Theory]
        [InlineData(48000, 2)]
        [InlineData(44100, 2)]
        [InlineData(48000, 1)]
        public void The_sequence_header_is_aac_lc_at_the_rate_and_channels(int rate, int channels)
        {
            var body = SilentAac.SequenceHeader(rate, channels);
            var config = AudioSpecificConfig.Parse(body.AsSpan(2));
            Assert.Equal(0xA0, body[0] & 0xF0);
            Assert.Equal(0, body[1]);
            Assert.Equal(2, config.ObjectType);
            Assert.Equal(rate, config.SampleRate);
            Assert.Equal(channels, config.ChannelCount);
            Assert.Equal(FrameKind.AudioConfig, Frames.Frame(MessageType.Audio, 0, body).Kind);
            Assert.Equal(FrameKind.Audio, Frames.Frame(MessageType.Audio, 0, SilentAac.Frame(channels)).Kind);
        }

        [Fact]
        public void Silent_mode_interleaves_audio_with_video_by_timestamp_and_puts_its_config_ahead_of_the_first_keyframe()
        {
            var shaper = new AudioShaper(AudioMode.Silent);
            var output = new List<TimedFrame>();
            shaper.Shape(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), 1000, output);
            shaper.Shape(Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()), 1000, output);
            for (var i = 0; i < 250; i++)
            {
                shaper.Shape(i % 25 == 0 ? Frames.Key(0) : Frames.Inter(0), 1000 + (i * 40), output);
                shaper.Shape(Frames.Frame(MessageType.Audio, 0, Frames.Aac(1)), 1000 + (i * 40) + 5, output);
            }

            Assert.Equal(FrameKind.VideoConfig, output[0].Frame.Kind);
            Assert.Equal(FrameKind.AudioConfig, output[1].Frame.Kind);
            Assert.Equal(AudioShaper.SilentSampleRate, AudioSpecificConfig.Parse(output[1].Frame.Message.Payload.Span.Slice(2)).SampleRate);
            Assert.Equal(FrameKind.VideoKeyFrame, output[2].Frame.Kind);
            Assert.Equal(1, output.Count(f => f.Frame.Kind == FrameKind.AudioConfig));

            // Every frame in time order, and no source audio (its frames were 5 bytes of 1s).
            var times = output.Skip(1).Select(f => f.Time).ToList();
            Assert.Equal(times.OrderBy(t => t), times);
            var audio = output.Where(f => f.Frame.Kind == FrameKind.Audio).ToList();
            Assert.All(audio, a => Assert.Equal(SilentAac.Frame(2), a.Frame.Message.Payload.ToArray()));

            // Video ends at 1000 + 249 × 40 = 10 960 ms: audio frames up to there, 1024 samples each.
            Assert.Equal((9960 * 48) / 1024 + 1, audio.Count);
        }

        [Fact]
        public void Auto_passes_source_audio_when_it_comes_before_the_first_keyframe_and_adds_silence_otherwise()
        {
            var withAudio = new AudioShaper(AudioMode.Auto);
            var output = new List<TimedFrame>();
            withAudio.Shape(Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()), 0, output);
            withAudio.Shape(Frames.Key(0), 0, output);
            withAudio.Shape(Frames.Frame(MessageType.Audio, 0, Frames.Aac(7)), 10, output);
            withAudio.Shape(Frames.Inter(0), 100, output);
            Assert.Equal(new[] { FrameKind.AudioConfig, FrameKind.VideoKeyFrame, FrameKind.Audio, FrameKind.Video }, output.Select(f => f.Frame.Kind));
            Assert.Equal(Frames.Aac(7), output[2].Frame.Message.Payload.ToArray());
            Assert.False(withAudio.SendsSilence);

            var without = new AudioShaper(AudioMode.Auto);
            output.Clear();
            without.Shape(Frames.Key(0), 0, output);
            without.Shape(Frames.Frame(MessageType.Audio, 0, Frames.Aac(7)), 10, output);
            without.Shape(Frames.Inter(0), 100, output);
            Assert.True(without.SendsSilence);
            Assert.DoesNotContain(output, f => f.Frame.Message.Payload.Length == 5 && f.Frame.Message.Payload.Span[2] == 7);
            Assert.Equal(5, output.Count(f => f.Frame.Kind == FrameKind.Audio));

            // A reopened source decides afresh, and the silent track goes on after the last frame.
            without.Reset();
            output.Clear();
            without.Shape(Frames.Key(0), 50, output);
            Assert.Equal(106, output.First(f => f.Frame.Kind == FrameKind.AudioConfig).Time);
        }

        [Fact]
        public void None_drops_audio_and_passthrough_adds_none()
        {
            var none = new AudioShaper(AudioMode.None);
            var passthrough = new AudioShaper(AudioMode.Passthrough);
            var a = new List<TimedFrame>();
            var b = new List<TimedFrame>();
            foreach (var (frame, time) in new[] { (Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()), 0L), (Frames.Key(0), 0L), (Frames.Inter(0), 500L) })
            {
                none.Shape(frame, time, a);
                passthrough.Shape(frame, time, b);
            }

            Assert.DoesNotContain(a, f => f.Frame.Kind == FrameKind.Audio || f.Frame.Kind == FrameKind.AudioConfig);
            Assert.Equal(3, b.Count);
        }
    }
}
