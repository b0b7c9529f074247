using System;

namespace RtmpXProtect.Engine.Media.GenericByteData
{
    /// <summary>One GenericByteData frame: its header and the payload after it.</summary>
    public sealed class GenericByteDataFrame
    {
        /// <summary>Creates a frame.</summary>
        public GenericByteDataFrame(GenericByteDataHeader header, ReadOnlyMemory<byte> payload)
        {
            Header = header;
            Payload = payload;
        }

        /// <summary>The 32-byte header.</summary>
        public GenericByteDataHeader Header { get; }

        /// <summary>The payload (Annex B for H.264/H.265); it may share the memory it was parsed from.</summary>
        public ReadOnlyMemory<byte> Payload { get; }
    }
}
