using System;
using System.Security.Cryptography;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The HMAC-SHA256 arithmetic of the Flash Player 9+ ("complex") handshake, as FMS, FFmpeg
    /// (rtmpproto.c) and librtmp (handshake.h) apply it. Every offset it computes stays inside the
    /// 1536-byte packet: the largest is 727 + 776 + 32 = 1535.
    /// </summary>
    internal static class HandshakeDigest
    {
        private const int BlockOffsetModulus = 728;

        /// <summary>Where the digest sits in <paramref name="packet"/> under <paramref name="scheme"/>.</summary>
        public static int Offset(byte[] packet, DigestScheme scheme)
        {
            int basis = scheme == DigestScheme.DigestFirst ? 8 : 772;
            int sum = packet[basis] + packet[basis + 1] + packet[basis + 2] + packet[basis + 3];
            return (sum % BlockOffsetModulus) + basis + 4;
        }

        /// <summary>Writes the digest of a C1/S1 into it, keyed with the open part of a key.</summary>
        public static int Sign(byte[] packet, DigestScheme scheme, byte[] key)
        {
            int offset = Offset(packet, scheme);
            byte[] digest = Compute(packet, offset, key);
            Buffer.BlockCopy(digest, 0, packet, offset, HandshakePacket.DigestLength);
            return offset;
        }

        /// <summary>
        /// Looks for a valid digest in a C1/S1 under either scheme; on success gives a copy of the
        /// digest, which keys the answer C2/S2.
        /// </summary>
        public static bool TryFind(byte[] packet, byte[] key, DigestScheme preferred, out DigestScheme scheme, out byte[] digest)
        {
            DigestScheme other = preferred == DigestScheme.DigestFirst ? DigestScheme.KeyFirst : DigestScheme.DigestFirst;
            foreach (DigestScheme candidate in new[] { preferred, other })
            {
                int offset = Offset(packet, candidate);
                byte[] expected = Compute(packet, offset, key);
                if (FixedTimeEquals(expected, 0, packet, offset, HandshakePacket.DigestLength))
                {
                    scheme = candidate;
                    digest = expected;
                    return true;
                }
            }

            scheme = preferred;
            digest = Array.Empty<byte>();
            return false;
        }

        /// <summary>
        /// Fills the last 32 bytes of a C2/S2 with its signature: HMAC over the first 1504 bytes,
        /// keyed with HMAC(full key, peer's C1/S1 digest).
        /// </summary>
        public static void SignResponse(byte[] packet, byte[] peerDigest, byte[] fullKey)
        {
            byte[] signature = ResponseSignature(packet, peerDigest, fullKey);
            Buffer.BlockCopy(signature, 0, packet, HandshakePacket.SignedLength, HandshakePacket.DigestLength);
        }

        /// <summary>True when the last 32 bytes of a C2/S2 are the signature <see cref="SignResponse"/> writes.</summary>
        public static bool IsSignedResponse(byte[] packet, byte[] ownDigest, byte[] fullKey)
        {
            byte[] signature = ResponseSignature(packet, ownDigest, fullKey);
            return FixedTimeEquals(signature, 0, packet, HandshakePacket.SignedLength, HandshakePacket.DigestLength);
        }

        private static byte[] ResponseSignature(byte[] packet, byte[] digest, byte[] fullKey)
        {
            byte[] derivedKey;
            using (var derive = new HMACSHA256(fullKey))
            {
                derivedKey = derive.ComputeHash(digest, 0, HandshakePacket.DigestLength);
            }

            using (var sign = new HMACSHA256(derivedKey))
            {
                return sign.ComputeHash(packet, 0, HandshakePacket.SignedLength);
            }
        }

        // The digest covers the whole packet except its own 32 bytes.
        private static byte[] Compute(byte[] packet, int offset, byte[] key)
        {
            using (var hmac = new HMACSHA256(key))
            {
                hmac.TransformBlock(packet, 0, offset, null, 0);
                int after = offset + HandshakePacket.DigestLength;
                hmac.TransformFinalBlock(packet, after, HandshakePacket.Size - after);
                return hmac.Hash!;
            }
        }

        // Constant time, so a forger learns nothing from how long a rejection takes.
        private static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            int difference = 0;
            for (int i = 0; i < length; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
