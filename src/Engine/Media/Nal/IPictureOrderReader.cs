using System;

namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>Reads the picture order of each access unit of one stream, in decode order, keeping the state the count needs.</summary>
    public interface IPictureOrderReader
    {
        /// <summary>
        /// The order of the picture in <paramref name="accessUnit"/> (Annex B, parameter sets in
        /// band). Never throws for a damaged unit: it then falls back to decode order.
        /// </summary>
        PictureOrder Read(ReadOnlySpan<byte> accessUnit);

        /// <summary>The frame duration the VUI of the last sequence parameter set read gives, when it gives one.</summary>
        TimeSpan? FrameDuration { get; }
    }
}
