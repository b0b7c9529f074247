using System;
using System.Text;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The public HMAC keys of the Flash Player 9+ handshake. Each is an ASCII "genuine" text
    /// followed by the same 32 fixed bytes; a C1/S1 digest is keyed with the text alone, the
    /// C2/S2 signature key is derived with the whole key (as FFmpeg, librtmp and FMS do).
    /// </summary>
    internal static class HandshakeKeys
    {
        private static readonly byte[] Tail =
        {
            0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
            0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE,
        };

        /// <summary>"Genuine Adobe Flash Player 001" (30 bytes): keys the client's C1 digest.</summary>
        public static readonly byte[] PlayerText = Encoding.ASCII.GetBytes("Genuine Adobe Flash Player 001");

        /// <summary>The 62-byte player key: derives the key of the client's C2 signature.</summary>
        public static readonly byte[] PlayerFull = Concat(PlayerText, Tail);

        /// <summary>"Genuine Adobe Flash Media Server 001" (36 bytes): keys the server's S1 digest.</summary>
        public static readonly byte[] ServerText = Encoding.ASCII.GetBytes("Genuine Adobe Flash Media Server 001");

        /// <summary>The 68-byte server key: derives the key of the server's S2 signature.</summary>
        public static readonly byte[] ServerFull = Concat(ServerText, Tail);

        private static byte[] Concat(byte[] head, byte[] tail)
        {
            var all = new byte[head.Length + tail.Length];
            Buffer.BlockCopy(head, 0, all, 0, head.Length);
            Buffer.BlockCopy(tail, 0, all, head.Length, tail.Length);
            return all;
        }
    }
}
