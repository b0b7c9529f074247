namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>Sizes and values fixed by RTMP 1.0 §5.2 for C0/S0 and C1/S1/C2/S2.</summary>
    internal static class HandshakePacket
    {
        /// <summary>Length of C1, S1, C2 and S2.</summary>
        public const int Size = 1536;

        /// <summary>The only version byte (C0/S0) of plain RTMP.</summary>
        public const byte RtmpVersion = 3;

        /// <summary>Length of an HMAC-SHA256 digest or signature.</summary>
        public const int DigestLength = 32;

        /// <summary>The part of C2/S2 that its trailing signature covers.</summary>
        public const int SignedLength = Size - DigestLength;
    }
}
