using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Hevc
{
    /// <summary>One array of an HEVC decoder configuration record: the NAL units of one type (VPS, SPS, PPS, SEI).</summary>
    public sealed class HevcParameterSetArray
    {
        /// <summary>Creates an array.</summary>
        public HevcParameterSetArray(int nalType, bool isComplete, IReadOnlyList<byte[]> units)
        {
            NalType = nalType;
            IsComplete = isComplete;
            Units = units;
        }

        /// <summary>NAL_unit_type: 32 VPS, 33 SPS, 34 PPS, 39/40 SEI.</summary>
        public int NalType { get; }

        /// <summary>array_completeness: every NAL unit of this type is here, none arrive in band.</summary>
        public bool IsComplete { get; }

        /// <summary>The NAL units, each with its 2-byte header.</summary>
        public IReadOnlyList<byte[]> Units { get; }
    }
}
