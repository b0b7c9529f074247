using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    /// <summary>
    /// The digest handshake written out a second time, straight from the published description
    /// (offsets from bytes 8..11 or 772..775, modulo 728), so the engine is checked against
    /// something it does not share code with.
    /// </summary>
    internal static class SpecDigest
    {
        public const int Size = 1536;

        private static readonly byte[] Tail = Convert.FromHexString("F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");

        public static byte[] PlayerKey30 { get; } = Encoding.ASCII.GetBytes("Genuine Adobe Flash Player 001");

        public static byte[] PlayerKey62 { get; } = PlayerKey30.Concat(Tail).ToArray();

        public static byte[] ServerKey36 { get; } = Encoding.ASCII.GetBytes("Genuine Adobe Flash Media Server 001");

        public static byte[] ServerKey68 { get; } = ServerKey36.Concat(Tail).ToArray();

        public static int Offset(byte[] packet, int scheme)
        {
            int basis = scheme == 0 ? 8 : 772;
            return ((packet[basis] + packet[basis + 1] + packet[basis + 2] + packet[basis + 3]) % 728) + basis + 4;
        }

        public static byte[] DigestAt(byte[] packet, int offset, byte[] key)
        {
            byte[] rest = packet.Take(offset).Concat(packet.Skip(offset + 32)).ToArray();
            return HMACSHA256.HashData(key, rest);
        }

        public static bool HasDigest(byte[] packet, int scheme, byte[] key)
        {
            int offset = Offset(packet, scheme);
            return DigestAt(packet, offset, key).AsSpan().SequenceEqual(packet.AsSpan(offset, 32));
        }

        public static byte[] DigestOf(byte[] packet, int scheme) => packet.AsSpan(Offset(packet, scheme), 32).ToArray();

        /// <summary>A C1 (or S1) with time, version, seeded random bytes and a digest at the scheme.</summary>
        public static byte[] BuildSigned(int scheme, uint version, byte[] key, int seed)
        {
            var packet = new byte[Size];
            new Random(seed).NextBytes(packet);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(0), 1234);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), version);
            int offset = Offset(packet, scheme);
            DigestAt(packet, offset, key).CopyTo(packet, offset);
            return packet;
        }

        /// <summary>
        /// What FFmpeg's client checks in S2 (and a server in a signed C2): the last 32 bytes are an
        /// HMAC over the first 1504, keyed with HMAC(full key, own digest).
        /// </summary>
        public static bool ResponseIsSigned(byte[] response, byte[] ownDigest, byte[] fullKey)
        {
            byte[] key = HMACSHA256.HashData(fullKey, ownDigest);
            byte[] signature = HMACSHA256.HashData(key, response.AsSpan(0, Size - 32).ToArray());
            return signature.AsSpan().SequenceEqual(response.AsSpan(Size - 32));
        }
    }
}
