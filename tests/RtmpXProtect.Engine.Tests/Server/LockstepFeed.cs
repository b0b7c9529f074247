using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// A publisher sending a realistic stream (sequence headers, then GOPs of a large keyframe,
    /// inter frames of tens of KiB and AAC), paced by a healthy player: each frame is sent only
    /// once the healthy player got the previous one, which also proves it gets all, in order.
    /// Every media frame carries a sequence number after its FLV header.
    /// </summary>
    internal sealed class LockstepFeed
    {
        public const int KeyFrameSize = 60 * 1024;
        public const int InterFrameSize = 20 * 1024;
        public const int InterFramesPerGop = 9;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly RtmpClient _publisher;
        private readonly RtmpClient _healthy;
        private readonly bool _video;
        private readonly Queue<(RtmpMessage Message, bool Counted)> _expected = new Queue<(RtmpMessage Message, bool Counted)>();

        // Starts past 0 so the first audio frame (30 ms earlier) has a valid timestamp.
        private uint _timestamp = 40;

        public LockstepFeed(RtmpClient publisher, RtmpClient healthy, bool video = true)
        {
            _publisher = publisher;
            _healthy = healthy;
            _video = video;
        }

        /// <summary>Sequence numbers sent, in order.</summary>
        public List<int> Sent { get; } = new List<int>();

        /// <summary>Sequence numbers the healthy player received, in order.</summary>
        public List<int> HealthyReceived { get; } = new List<int>();

        public static int SequenceOf(RtmpMessage message) => BinaryPrimitives.ReadInt32BigEndian(message.Payload.Span.Slice(message.Type == MessageType.Video ? 5 : 2));

        public static bool IsConfig(RtmpMessage message) => message.Payload.Span[1] == 0;

        public static bool IsKeyFrame(RtmpMessage message) => message.Type == MessageType.Video && (message.Payload.Span[0] >> 4) == 1 && !IsConfig(message);

        public async Task SendHeadersAsync()
        {
            if (_video)
            {
                await SendAndExpect(new RtmpMessage(MessageType.Video, 0, 0, Frames.AvcSequenceHeader()), counted: false);
            }

            await SendAndExpect(new RtmpMessage(MessageType.Audio, 0, 0, Frames.AacSequenceHeader()), counted: false);
        }

        /// <summary>Sends one GOP (or one second of audio); stops early, after a whole frame, when <paramref name="stop"/> says so.</summary>
        public async Task SendGopAsync(Func<bool>? stop = null)
        {
            for (var i = 0; i <= InterFramesPerGop; i++)
            {
                await SendStepAsync(key: i == 0);
                if (stop != null && stop())
                {
                    return;
                }
            }
        }

        /// <summary>Sends the rest of the frames of the current GOP, without a new keyframe.</summary>
        public async Task FinishGopAsync(int interFrames)
        {
            for (var i = 0; i < interFrames; i++)
            {
                await SendStepAsync(key: false);
            }
        }

        // With video, the server holds audio back until the next video frame and sends both in
        // one write, so audio (10 ms after the last video frame) is expected together with it.
        private async Task SendStepAsync(bool key)
        {
            if (_video)
            {
                await SendAndExpect(Audio(_timestamp - 30), wait: false);
                await SendAndExpect(Video(key));
            }
            else
            {
                await SendAndExpect(Audio(_timestamp + 10));
            }

            _timestamp += 40;
        }

        private RtmpMessage Video(bool key)
        {
            var body = new byte[key ? KeyFrameSize : InterFrameSize];
            body.AsSpan(9).Fill((byte)Sent.Count);
            body[0] = key ? (byte)0x17 : (byte)0x27;
            body[1] = 1;
            BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(5), Sent.Count);
            return new RtmpMessage(MessageType.Video, _timestamp, 0, body);
        }

        private RtmpMessage Audio(uint timestamp)
        {
            // Without video, larger audio frames (PCM-like) fill the kernel buffers in as few frames.
            var body = new byte[_video ? 300 : 4096];
            body[0] = 0xAF;
            body[1] = 1;
            BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(2), Sent.Count);
            return new RtmpMessage(MessageType.Audio, timestamp, 0, body);
        }

        private async Task SendAndExpect(RtmpMessage message, bool counted = true, bool wait = true)
        {
            if (counted)
            {
                Sent.Add(SequenceOf(message));
            }

            _expected.Enqueue((message, counted));
            await _publisher.SendAsync(message).WaitAsync(Timeout);
            if (!wait)
            {
                return;
            }

            using var cts = new CancellationTokenSource(Timeout);
            while (_expected.Count > 0)
            {
                var received = await _healthy.Received.ReadAsync(cts.Token);
                if (received.Type != MessageType.Video && received.Type != MessageType.Audio)
                {
                    continue;
                }

                var (expected, isCounted) = _expected.Dequeue();
                Assert.Equal(expected.Type, received.Type);
                Assert.True(expected.Payload.Span.SequenceEqual(received.Payload.Span), "The healthy player got a different frame than the one sent.");
                if (isCounted)
                {
                    HealthyReceived.Add(SequenceOf(received));
                }
            }
        }
    }
}
