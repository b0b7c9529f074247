namespace RtmpXProtect.Engine.Media.GenericByteData
{
    /// <summary>One GenericByteData frame: its header and the payload after it.</summary>
    public sealed class GenericByteDataFrame
    {
        /// <summary>Creates a frame.</summary>
        public GenericByteDataFrame(GenericByteDataHeader header, byte[] payload)
        {
            Header = header;
            Payload = payload;
        }

        /// <summary>The 32-byte header.</summary>
        public GenericByteDataHeader Header { get; }

        /// <summary>The payload (Annex B for H.264/H.265).</summary>
        public byte[] Payload { get; }
    }
}
