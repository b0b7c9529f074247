using System;
using System.Security.Cryptography;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The default filler for the random parts of C1/S1/C2/S2. Cryptographic, because the digest
    /// offsets and the signatures come from these bytes; tests pass a seeded filler instead.
    /// </summary>
    internal static class HandshakeRandom
    {
        /// <summary>Fills an array from the system's cryptographic generator.</summary>
        public static void Fill(byte[] buffer)
        {
            using (var generator = RandomNumberGenerator.Create())
            {
                generator.GetBytes(buffer);
            }
        }
    }
}
