namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The two places a Flash Player 9+ handshake hides its 32-byte digest in a 1536-byte C1/S1.
    /// Both split the 1528 bytes after time and version into two 764-byte blocks; the scheme says
    /// which block carries the digest, and the four bytes that start that block give its offset.
    /// </summary>
    internal enum DigestScheme
    {
        /// <summary>Offset from bytes 8..11: digest somewhere in bytes 12..771 (FFmpeg, librtmp, FMLE).</summary>
        DigestFirst = 0,

        /// <summary>Offset from bytes 772..775: digest somewhere in bytes 776..1535 (Flash Player, some FMS).</summary>
        KeyFirst = 1,
    }
}
