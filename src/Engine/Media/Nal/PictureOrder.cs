namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>
    /// Where a coded picture goes in output order: its picture order count, comparable within one
    /// coded video sequence (from one random access point to the next).
    /// </summary>
    public readonly struct PictureOrder
    {
        /// <summary>Creates a value.</summary>
        public PictureOrder(long count, bool randomAccess, bool fromBitstream)
        {
            Count = count;
            RandomAccess = randomAccess;
            FromBitstream = fromBitstream;
        }

        /// <summary>The picture order count; pictures are shown in its order.</summary>
        public long Count { get; }

        /// <summary>True at an IDR (H.264) or IRAP (H.265) picture, where a new sequence of counts starts.</summary>
        public bool RandomAccess { get; }

        /// <summary>
        /// False when the bitstream does not say (no slice, no parameter set, H.264 count types 1
        /// and 2): the count is then the decode position, i.e. output order is taken to be decode order.
        /// </summary>
        public bool FromBitstream { get; }
    }
}
