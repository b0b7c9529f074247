namespace RtmpXProtect.Engine.Rtmp
{
    /// <summary>
    /// Comparisons of 32-bit RTMP millisecond timestamps, which wrap after 49.7 days. Plain integer
    /// order breaks at the wrap, so timestamps are compared with serial-number arithmetic (RFC 1982):
    /// a is after b when the forward distance from b to a is less than half the number space.
    /// </summary>
    public static class RtmpTime
    {
        /// <summary>True when <paramref name="a"/> is later than <paramref name="b"/>, across the 2^32 wrap.</summary>
        /// <remarks>At a distance of exactly 2^31 RFC 1982 leaves the order undefined; this answers false.</remarks>
        public static bool IsAfter(uint a, uint b) => unchecked((int)(a - b)) > 0;

        /// <summary>
        /// Signed milliseconds from <paramref name="earlier"/> to <paramref name="later"/>, correct across
        /// the wrap; negative when <paramref name="later"/> is in fact earlier.
        /// </summary>
        public static int Delta(uint later, uint earlier) => unchecked((int)(later - earlier));
    }
}
