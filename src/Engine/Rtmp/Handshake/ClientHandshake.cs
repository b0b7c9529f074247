using System;
using System.Buffers;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// The client side of the RTMP handshake (RTMP 1.0 §5.2), sans-IO. It always sends a Flash
    /// Player 9+ digest C1, because strict servers (FMS, Wowza, some CDNs) refuse a plain one,
    /// and it answers whichever form the server chose.
    /// </summary>
    public sealed class ClientHandshake
    {
        // FMLE's version bytes (3.0.2.0x80 style); servers that check the client version accept it.
        private const uint ClientVersion = 0x80000702;

        private readonly uint _epochMilliseconds;
        private readonly Action<byte[]> _fillRandom;
        private readonly PacketAccumulator _packet = new PacketAccumulator();
        private Stage _stage = Stage.NotStarted;
        private bool _failed;

        /// <summary>Prepares a handshake for one connection.</summary>
        /// <param name="epochMilliseconds">The client's clock written into C1; the caller owns time.</param>
        /// <param name="fillRandom">Fills arrays with random bytes; the system's cryptographic generator when null.</param>
        public ClientHandshake(uint epochMilliseconds, Action<byte[]>? fillRandom = null)
        {
            _epochMilliseconds = epochMilliseconds;
            _fillRandom = fillRandom ?? HandshakeRandom.Fill;
        }

        private enum Stage
        {
            NotStarted,
            AwaitingS0,
            AwaitingS1,
            AwaitingS2,
            Done,
        }

        /// <summary>True once S2 has been read; from then on every byte is chunk data.</summary>
        public bool IsComplete => _stage == Stage.Done;

        /// <summary>
        /// True when S1 carried a valid Flash Media Server digest and C2 was signed in reply. False
        /// for plain servers and for servers that sign wrongly; both still complete the handshake.
        /// </summary>
        public bool ServerUsedDigest { get; private set; }

        /// <summary>Writes C0 and C1; call once, before the first <see cref="Process"/>.</summary>
        /// <exception cref="InvalidOperationException">The handshake was already started.</exception>
        public void Start(IBufferWriter<byte> output)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (_stage != Stage.NotStarted)
            {
                throw new InvalidOperationException("The client handshake was already started.");
            }

            byte[] c1 = new byte[HandshakePacket.Size];
            _fillRandom(c1);
            BinaryPrimitives.WriteUInt32BigEndian(c1.AsSpan(0, 4), _epochMilliseconds);
            BinaryPrimitives.WriteUInt32BigEndian(c1.AsSpan(4, 4), ClientVersion);
            HandshakeDigest.Sign(c1, DigestScheme.DigestFirst, HandshakeKeys.PlayerText);

            Write(output, HandshakePacket.RtmpVersion, c1);
            _stage = Stage.AwaitingS0;
        }

        /// <summary>
        /// Takes server bytes, writes C2 to <paramref name="output"/> as soon as S1 is in.
        /// </summary>
        /// <param name="input">Bytes read from the server, split anywhere.</param>
        /// <param name="output">Where C2 goes.</param>
        /// <param name="consumed">
        /// How many bytes of <paramref name="input"/> belonged to the handshake; the rest, if any,
        /// are the first chunk bytes and belong to the chunk decoder.
        /// </param>
        /// <exception cref="RtmpProtocolException">S0 is not 3, or an earlier call already failed.</exception>
        /// <exception cref="InvalidOperationException"><see cref="Start"/> was not called.</exception>
        public HandshakeStatus Process(ReadOnlySpan<byte> input, IBufferWriter<byte> output, out int consumed)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (_stage == Stage.NotStarted)
            {
                throw new InvalidOperationException("Call Start before Process: the client speaks first.");
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
                    case Stage.AwaitingS0:
                        if (consumed == input.Length)
                        {
                            return HandshakeStatus.InProgress;
                        }

                        CheckS0(input[consumed]);
                        consumed++;
                        _stage = Stage.AwaitingS1;
                        break;

                    case Stage.AwaitingS1:
                        consumed += _packet.Fill(input.Slice(consumed));
                        if (!_packet.IsFull)
                        {
                            return HandshakeStatus.InProgress;
                        }

                        // C2 may go before S2 arrives (RTMP 1.0 §5.2.1), which saves a round trip.
                        Write(output, null, AnswerTo(_packet.Packet));
                        _packet.Reset();
                        _stage = Stage.AwaitingS2;
                        break;

                    case Stage.AwaitingS2:
                        // S2 is not judged: servers differ in what they echo, and the session
                        // that follows is what proves the server understood us.
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

        private static void Write(IBufferWriter<byte> output, byte? versionByte, byte[] packet)
        {
            int prefix = versionByte.HasValue ? 1 : 0;
            Span<byte> target = output.GetSpan(prefix + packet.Length);
            if (versionByte.HasValue)
            {
                target[0] = versionByte.Value;
            }

            packet.AsSpan().CopyTo(target.Slice(prefix));
            output.Advance(prefix + packet.Length);
        }

        private void CheckS0(byte version)
        {
            if (version != HandshakePacket.RtmpVersion)
            {
                _failed = true;
                throw new RtmpProtocolException($"not an RTMP server: handshake version {version}");
            }
        }

        private byte[] AnswerTo(byte[] s1)
        {
            uint serverVersion = BinaryPrimitives.ReadUInt32BigEndian(s1.AsSpan(4, 4));
            if (serverVersion != 0
                && HandshakeDigest.TryFind(s1, HandshakeKeys.ServerText, DigestScheme.DigestFirst, out _, out byte[] serverDigest))
            {
                ServerUsedDigest = true;
                byte[] c2 = new byte[HandshakePacket.Size];
                _fillRandom(c2);
                HandshakeDigest.SignResponse(c2, serverDigest, HandshakeKeys.PlayerFull);
                return c2;
            }

            // A plain server, or one that signs wrongly: echo S1, which every server accepts.
            // Returned as is: it is written out before the buffer is reused for S2.
            return s1;
        }
    }
}
