namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>Where one NAL unit (header byte onward, start code excluded) lies in a buffer.</summary>
    public readonly struct NalUnitRange
    {
        /// <summary>Creates a range.</summary>
        public NalUnitRange(int offset, int length)
        {
            Offset = offset;
            Length = length;
        }

        /// <summary>Offset of the NAL unit header in the buffer.</summary>
        public int Offset { get; }

        /// <summary>Length of the NAL unit in bytes.</summary>
        public int Length { get; }
    }
}
