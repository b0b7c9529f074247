using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// How many bytes a publisher's socket gathers in the kernel before the server is woken to read
    /// them (SO_RCVLOWAT), for a stream nothing live takes: read at once, a publisher costs a wake,
    /// a receive and a dispatch per message (about 80 a second at 30 fps with audio); read in ~100 ms
    /// batches, a tenth of that. A live reader (player, relay, XProtect feed) wants every frame the
    /// moment it arrives, so watched streams always read at once.
    /// </summary>
    internal static class ReceiveBatching
    {
        /// <summary>Below this a batch saves too few wakes to be worth the delay (a low-bitrate stream).</summary>
        public const int MinBytes = 2 * 1024;

        /// <summary>Above this the delay no longer shrinks the wakes much, and a keyframe fills it at once.</summary>
        public const int MaxBytes = 16 * 1024;

        // Powers of two and the halves between: coarse enough that a bitrate that wobbles keeps its
        // mark, fine enough that 1 Mbps (14 KB in 100 ms) gets 12 KiB rather than 8.
        private static readonly int[] Marks = { MinBytes, 3072, 4096, 6144, 8192, 12288, MaxBytes };

        /// <summary>
        /// The low-water mark for a publisher of <paramref name="bitsPerSecond"/>, 0 for none: the
        /// bytes that arrive in <paramref name="delay"/>, rounded down to one of a few steps so a bitrate
        /// that wobbles does not change the socket option every sweep. None once the publisher has
        /// been quiet longer than <paramref name="sweepInterval"/>: bytes below the mark (a command, the
        /// tail of a stream that slowed) would otherwise wait for ones that may never come.
        /// </summary>
        public static int BytesFor(long bitsPerSecond, TimeSpan delay, TimeSpan quiet, TimeSpan sweepInterval)
        {
            if (delay <= TimeSpan.Zero || quiet > sweepInterval || bitsPerSecond <= 0)
            {
                return 0;
            }

            // The largest step that fits; none below MinBytes, the first.
            var bytes = bitsPerSecond / 8 * delay.Ticks / TimeSpan.TicksPerSecond;
            var mark = 0;
            foreach (var step in Marks)
            {
                if (step <= bytes)
                {
                    mark = step;
                }
            }

            return mark;
        }
    }
}
