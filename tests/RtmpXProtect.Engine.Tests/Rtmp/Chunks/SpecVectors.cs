using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    /// <summary>The sample tables of RTMP 1.0 §5.3.2.1 and §5.3.2.2, written out byte by byte.</summary>
    internal static class SpecVectors
    {
        public const uint StreamId = 12346;

        public static byte[] Payload(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        /// <summary>§5.3.2.1: four 32-byte audio messages on chunk stream 3, timestamps 1000 + 20n.</summary>
        public static RtmpMessage[] AudioMessages() => Enumerable.Range(0, 4)
            .Select(i => new RtmpMessage(MessageType.Audio, (uint)(1000 + (20 * i)), StreamId, Payload(32, i)))
            .ToArray();

        public static byte[] AudioBytes()
        {
            RtmpMessage[] messages = AudioMessages();
            var bytes = new List<byte>();
            bytes.AddRange(new byte[] { 0x03, 0x00, 0x03, 0xE8, 0x00, 0x00, 0x20, 0x08, 0x3A, 0x30, 0x00, 0x00 });
            bytes.AddRange(messages[0].Payload.ToArray());
            bytes.AddRange(new byte[] { 0x83, 0x00, 0x00, 0x14 });
            bytes.AddRange(messages[1].Payload.ToArray());
            bytes.Add(0xC3);
            bytes.AddRange(messages[2].Payload.ToArray());
            bytes.Add(0xC3);
            bytes.AddRange(messages[3].Payload.ToArray());
            return bytes.ToArray();
        }

        /// <summary>§5.3.2.2: one 307-byte video message on chunk stream 4, split into 128 + 128 + 51.</summary>
        public static RtmpMessage VideoMessage() => new RtmpMessage(MessageType.Video, 1000, StreamId, Payload(307, 99));

        public static byte[] VideoBytes()
        {
            byte[] payload = VideoMessage().Payload.ToArray();
            var bytes = new List<byte>();
            bytes.AddRange(new byte[] { 0x04, 0x00, 0x03, 0xE8, 0x00, 0x01, 0x33, 0x09, 0x3A, 0x30, 0x00, 0x00 });
            bytes.AddRange(payload.Take(128));
            bytes.Add(0xC4);
            bytes.AddRange(payload.Skip(128).Take(128));
            bytes.Add(0xC4);
            bytes.AddRange(payload.Skip(256));
            return bytes.ToArray();
        }
    }
}
