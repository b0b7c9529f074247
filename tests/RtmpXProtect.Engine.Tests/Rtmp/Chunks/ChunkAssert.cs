using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    internal static class ChunkAssert
    {
        public static void SameMessage(RtmpMessage expected, RtmpMessage actual)
        {
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(expected.StreamId, actual.StreamId);
            Assert.True(expected.Payload.Span.SequenceEqual(actual.Payload.Span), $"payload of {expected} differs");
        }

        public static void SameMessages(IReadOnlyList<RtmpMessage> expected, IReadOnlyList<RtmpMessage> actual)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                SameMessage(expected[i], actual[i]);
            }
        }

        /// <summary>Feeds <paramref name="bytes"/> to a fresh decoder in pieces whose sizes come from <paramref name="pieceSize"/>.</summary>
        public static List<RtmpMessage> Decode(byte[] bytes, Func<int> pieceSize, WireLimits? limits = null)
        {
            var decoder = new ChunkDecoder(limits ?? WireLimits.Default);
            var output = new List<RtmpMessage>();
            int offset = 0;
            while (offset < bytes.Length)
            {
                int count = Math.Min(Math.Max(1, pieceSize()), bytes.Length - offset);
                decoder.Decode(bytes.AsSpan(offset, count), output);
                offset += count;
            }

            return output;
        }

        public static List<RtmpMessage> Decode(byte[] bytes) => Decode(bytes, () => bytes.Length);
    }
}
