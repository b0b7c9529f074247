using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// The size of a connection's next read, from what the last one brought. Buffers are rented
    /// per read and returned when it completed (the session copies what it keeps), but a publisher
    /// read at once holds its buffer while it waits, so the size is worth keeping small: small for
    /// commands and audio, large while a keyframe or a batch (ReceiveBatching) is coming in, so a
    /// 2 Mbps stream's 50-100 KB keyframe takes two reads rather than twenty.
    /// </summary>
    internal static class ReadBufferSizing
    {
        /// <summary>Where every connection starts, and what a player's occasional acknowledgement needs.</summary>
        public const int Smallest = 4 * 1024;

        /// <summary>The largest read: past this the syscalls saved are few and the buffer is not.</summary>
        public const int Largest = 64 * 1024;

        /// <summary>Doubles after a read that filled <paramref name="size"/>, halves after one that used a quarter of it or less.</summary>
        public static int Next(int size, int read)
        {
            if (read >= size)
            {
                return Math.Min(size * 2, Largest);
            }

            return read * 4 <= size ? Math.Max(size / 2, Smallest) : size;
        }
    }
}
