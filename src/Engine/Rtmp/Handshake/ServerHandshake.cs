using System;
using System.Buffers;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The server side of the RTMP handshake (RTMP 1.0 §5.2), sans-IO: feed it what the client
    /// sent, write what it produces. It answers both the plain handshake and the Flash Player 9+
    /// digest handshake that FMLE, OBS (librtmp) and FFmpeg send, because some clients refuse a
    /// server whose S1 carries no digest.
    /// </summary>
    public sealed class ServerHandshake
    {
        // What FMS and nginx-rtmp put in S1's version bytes; FFmpeg only checks S1's digest when
        // the first of them is 3 or more.
        private const uint ServerVersion = 0x0D0E0A0D;

        private const byte EncryptedVersion = 6;
        private const byte EncryptedXteaVersion = 8;
        private const byte EncryptedBlowfishVersion = 9;

        private readonly uint _epochMilliseconds;
        private readonly Action<byte[]> _fillRandom;
        private readonly PacketAccumulator _packet = new PacketAccumulator();
        private Stage _stage = Stage.AwaitingC0;
        private bool _failed;

        /// <summary>Prepares a handshake for one connection.</summary>
        /// <param name="epochMilliseconds">The server's clock written into S1; the caller owns time.</param>
        /// <param name="fillRandom">Fills arrays with random bytes; the system's cryptographic generator when null.</param>
        public ServerHandshake(uint epochMilliseconds, Action<byte[]>? fillRandom = null)
        {
            _epochMilliseconds = epochMilliseconds;
            _fillRandom = fillRandom ?? HandshakeRandom.Fill;
        }

        private enum Stage
        {
            AwaitingC0,
            AwaitingC1,
            AwaitingC2,
            Done,
        }

        /// <summary>True once C2 has been read; from then on every byte is chunk data.</summary>
        public bool IsComplete => _stage == Stage.Done;

        /// <summary>True when C1 carried a valid Flash Player digest (either scheme) and S1/S2 were signed in reply.</summary>
        public bool PeerUsedDigest { get; private set; }

        /// <summary>
        /// C1's four version bytes, big-endian (0x80000702 from FMLE, 0x09007C02 from FFmpeg, 0 from
        /// a plain client); worth a log line when a client misbehaves.
        /// </summary>
        public uint PeerVersion { get; private set; }

        /// <summary>
        /// Takes client bytes, writes S0+S1+S2 to <paramref name="output"/> as soon as C1 is in.
        /// </summary>
        /// <param name="input">Bytes read from the client, split anywhere.</param>
        /// <param name="output">Where the reply goes.</param>
        /// <param name="consumed">
        /// How many bytes of <paramref name="input"/> belonged to the handshake; the rest, if any,
        /// are the first chunk bytes and belong to the chunk decoder.
        /// </param>
        /// <exception cref="RtmpProtocolException">C0 is not 3, or an earlier call already failed.</exception>
        public HandshakeStatus Process(ReadOnlySpan<byte> input, IBufferWriter<byte> output, out int consumed)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (_failed)
            {
                throw new RtmpProtocolException("The RTMP handshake already failed on this connection.");
            }

            consumed = 0;
            while (true)
            {
                switch (_stage)
                {
                    case Stage.AwaitingC0:
                        if (consumed == input.Length)
                        {
                            return HandshakeStatus.InProgress;
                        }

                        CheckC0(input[consumed]);
                        consumed++;
                        _stage = Stage.AwaitingC1;
                        break;

                    case Stage.AwaitingC1:
                        consumed += _packet.Fill(input.Slice(consumed));
                        if (!_packet.IsFull)
                        {
                            return HandshakeStatus.InProgress;
                        }

                        Answer(_packet.Packet, output);
                        _packet.Reset();
                        _stage = Stage.AwaitingC2;
                        break;

                    case Stage.AwaitingC2:
                        // C2 is read but not judged: FFmpeg publishing echoes S1, Flash signs it,
                        // and some encoders send zeros. Only its length matters.
                        consumed += _packet.Fill(input.Slice(consumed));
                        if (!_packet.IsFull)
                        {
                            return HandshakeStatus.InProgress;
                        }

                        _stage = Stage.Done;
                        return HandshakeStatus.Completed;

                    default:
                        return HandshakeStatus.Completed;
                }
            }
        }

        private void CheckC0(byte version)
        {
            if (version == HandshakePacket.RtmpVersion)
            {
                return;
            }

            _failed = true;
            if (version == EncryptedVersion || version == EncryptedXteaVersion || version == EncryptedBlowfishVersion)
            {
                throw new RtmpProtocolException("RTMPE (encrypted handshake) is not supported");
            }

            throw new RtmpProtocolException($"not an RTMP client: handshake version {version}");
        }

        private void Answer(byte[] c1, IBufferWriter<byte> output)
        {
            PeerVersion = BinaryPrimitives.ReadUInt32BigEndian(c1.AsSpan(4, 4));

            byte[] s1 = new byte[HandshakePacket.Size];
            _fillRandom(s1);
            BinaryPrimitives.WriteUInt32BigEndian(s1.AsSpan(0, 4), _epochMilliseconds);

            byte[] s2;
            // A zero version means a plain client (RTMP 1.0 §5.2.3); it expects no digest.
            if (PeerVersion != 0
                && HandshakeDigest.TryFind(c1, HandshakeKeys.PlayerText, DigestScheme.DigestFirst, out DigestScheme scheme, out byte[] clientDigest))
            {
                PeerUsedDigest = true;
                BinaryPrimitives.WriteUInt32BigEndian(s1.AsSpan(4, 4), ServerVersion);
                HandshakeDigest.Sign(s1, scheme, HandshakeKeys.ServerText);

                s2 = new byte[HandshakePacket.Size];
                _fillRandom(s2);
                HandshakeDigest.SignResponse(s2, clientDigest, HandshakeKeys.ServerFull);
            }
            else
            {
                // Plain handshake: S1 = time, four zero bytes, random; S2 echoes C1.
                s1.AsSpan(4, 4).Clear();
                s2 = c1;
            }

            int total = 1 + (2 * HandshakePacket.Size);
            Span<byte> reply = output.GetSpan(total);
            reply[0] = HandshakePacket.RtmpVersion;
            s1.AsSpan().CopyTo(reply.Slice(1));
            s2.AsSpan().CopyTo(reply.Slice(1 + HandshakePacket.Size));
            output.Advance(total);
        }
    }
}
