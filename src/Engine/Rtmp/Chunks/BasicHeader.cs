using System;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>The chunk basic header (RTMP 1.0 §5.3.1.1): format and chunk stream id in 1, 2 or 3 bytes.</summary>
    internal static class BasicHeader
    {
        /// <summary>Bytes needed for a chunk stream id: 1 for 2–63, 2 for 64–319, 3 up to 65599.</summary>
        public static int Length(int chunkStreamId) => chunkStreamId < 64 ? 1 : chunkStreamId < 320 ? 2 : 3;

        public static int Write(Span<byte> destination, int format, int chunkStreamId)
        {
            int top = format << 6;
            if (chunkStreamId < 64)
            {
                destination[0] = (byte)(top | chunkStreamId);
                return 1;
            }

            int rest = chunkStreamId - 64;
            if (chunkStreamId < 320)
            {
                destination[0] = (byte)top;
                destination[1] = (byte)rest;
                return 2;
            }

            destination[0] = (byte)(top | 1);
            destination[1] = (byte)rest;
            destination[2] = (byte)(rest >> 8);
            return 3;
        }

        public static void CheckId(int chunkStreamId, string parameterName)
        {
            if (chunkStreamId < ChunkStreamIds.Min || chunkStreamId > ChunkStreamIds.Max)
            {
                throw new ArgumentOutOfRangeException(parameterName, chunkStreamId, "Chunk stream id must be 2–65599.");
            }
        }
    }
}
