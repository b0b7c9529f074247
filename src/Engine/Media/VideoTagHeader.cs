using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// The header of an RTMP video message / FLV video tag body, legacy (FLV 10.1 §E.4.3.1) or
    /// Enhanced RTMP v1/v2 (ExVideoTagHeader). It tells a server what it needs to route the
    /// tag — keyframe, sequence header, codec — without touching the coded data.
    /// </summary>
    public readonly struct VideoTagHeader
    {
        private const int ExHeaderBit = 0x80;
        private const int LegacyAvcCodecId = 7;
        private const int LegacyHevcCodecId = 12;

        // Enhanced RTMP VideoPacketType values.
        private const int PacketSequenceStart = 0;
        private const int PacketCodedFrames = 1;
        private const int PacketSequenceEnd = 2;
        private const int PacketCodedFramesX = 3;
        private const int PacketMetadata = 4;
        private const int PacketMultitrack = 6;
        private const int MultitrackManyTracksManyCodecs = 2;

        private VideoTagHeader(VideoFrameType frameType, VideoCodec codec, bool isEnhanced, uint fourCc, VideoPacketKind kind, int compositionTime, int dataOffset)
        {
            FrameType = frameType;
            Codec = codec;
            IsEnhanced = isEnhanced;
            FourCc = fourCc;
            PacketKind = kind;
            CompositionTime = compositionTime;
            DataOffset = dataOffset;
        }

        /// <summary>The frame type nibble.</summary>
        public VideoFrameType FrameType { get; }

        /// <summary>The codec, from the legacy CodecID or the FourCC.</summary>
        public VideoCodec Codec { get; }

        /// <summary>True when the tag uses the Enhanced RTMP ExVideoTagHeader (bit 0x80 of the first byte).</summary>
        public bool IsEnhanced { get; }

        /// <summary>The FourCC of an enhanced tag; 0 for legacy tags and for enhanced command frames.</summary>
        public uint FourCc { get; }

        /// <summary>What the tag carries.</summary>
        public VideoPacketKind PacketKind { get; }

        /// <summary>
        /// Presentation minus decode time in milliseconds (signed 24-bit), for AVC and HEVC coded
        /// frames; 0 everywhere else, including enhanced CodedFramesX.
        /// </summary>
        public int CompositionTime { get; }

        /// <summary>
        /// Offset in the body where the codec data starts: the decoder configuration record of a
        /// sequence header, the NAL units of coded frames, the command byte of a command frame,
        /// the first track of a multitrack tag. For legacy VP6 it points at the adjustment byte.
        /// </summary>
        public int DataOffset { get; }

        /// <summary>True for key frames, including server-generated ones: a player may start here.</summary>
        public bool IsKeyFrame => FrameType == VideoFrameType.Key || FrameType == VideoFrameType.Generated;

        /// <summary>True when the tag carries a decoder configuration record.</summary>
        public bool IsSequenceHeader => PacketKind == VideoPacketKind.SequenceStart;

        /// <summary>True for video info / command frames, which carry no picture.</summary>
        public bool IsCommandFrame => FrameType == VideoFrameType.Command;

        /// <summary>Parses a video body, throwing <see cref="MediaFormatException"/> when it is too short or malformed.</summary>
        public static VideoTagHeader Parse(ReadOnlySpan<byte> body)
        {
            if (!TryParse(body, out var header))
            {
                throw new MediaFormatException($"Malformed video tag header ({body.Length} byte body).");
            }

            return header;
        }

        /// <summary>Parses a video body; false when it is too short or malformed. Never throws.</summary>
        public static bool TryParse(ReadOnlySpan<byte> body, out VideoTagHeader header)
        {
            header = default;
            if (body.Length < 1)
            {
                return false;
            }

            return (body[0] & ExHeaderBit) != 0 ? TryParseEnhanced(body, out header) : TryParseLegacy(body, out header);
        }

        /// <summary>
        /// Writes a legacy AVC header (frame type, CodecID 7, AVCPacketType, composition time) and
        /// returns its length, 5.
        /// </summary>
        public static int WriteAvc(Span<byte> dest, VideoFrameType frameType, VideoPacketKind kind, int compositionTime)
        {
            CheckFrameType(frameType);
            CheckCompositionTime(compositionTime);
            byte packetType;
            switch (kind)
            {
                case VideoPacketKind.SequenceStart: packetType = 0; break;
                case VideoPacketKind.CodedFrames: packetType = 1; break;
                case VideoPacketKind.SequenceEnd: packetType = 2; break;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Legacy AVC has no such packet type.");
            }

            if (dest.Length < 5)
            {
                throw new ArgumentException("Destination needs 5 bytes.", nameof(dest));
            }

            dest[0] = (byte)(((int)frameType << 4) | LegacyAvcCodecId);
            dest[1] = packetType;
            WriteSi24(dest.Slice(2), compositionTime);
            return 5;
        }

        /// <summary>
        /// Writes an Enhanced RTMP header and returns its length. AVC and HEVC coded frames use
        /// CodedFrames with a composition time when it is not 0 (8 bytes) and CodedFramesX when it
        /// is (5 bytes); other codecs have no composition time field.
        /// </summary>
        public static int WriteEnhanced(Span<byte> dest, VideoFrameType frameType, uint fourCc, VideoPacketKind kind, int compositionTime)
        {
            CheckFrameType(frameType);
            CheckCompositionTime(compositionTime);
            bool hasCompositionField = fourCc == Media.FourCc.Avc1 || fourCc == Media.FourCc.Hvc1;
            int packetType;
            switch (kind)
            {
                case VideoPacketKind.SequenceStart: packetType = PacketSequenceStart; break;
                case VideoPacketKind.SequenceEnd: packetType = PacketSequenceEnd; break;
                case VideoPacketKind.Metadata: packetType = PacketMetadata; break;
                case VideoPacketKind.CodedFrames:
                    packetType = hasCompositionField && compositionTime == 0 ? PacketCodedFramesX : PacketCodedFrames;
                    break;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Cannot write this packet kind.");
            }

            if (compositionTime != 0 && !(hasCompositionField && packetType == PacketCodedFrames))
            {
                throw new ArgumentException("Only AVC/HEVC coded frames carry a composition time.", nameof(compositionTime));
            }

            int length = packetType == PacketCodedFrames && hasCompositionField ? 8 : 5;
            if (dest.Length < length)
            {
                throw new ArgumentException($"Destination needs {length} bytes.", nameof(dest));
            }

            dest[0] = (byte)(ExHeaderBit | ((int)frameType << 4) | packetType);
            Media.FourCc.Write(dest.Slice(1), fourCc);
            if (length == 8)
            {
                WriteSi24(dest.Slice(5), compositionTime);
            }

            return length;
        }

        private static bool TryParseLegacy(ReadOnlySpan<byte> body, out VideoTagHeader header)
        {
            header = default;
            int frameTypeValue = body[0] >> 4;
            if (frameTypeValue < 1 || frameTypeValue > 5)
            {
                return false;
            }

            var frameType = (VideoFrameType)frameTypeValue;
            int codecId = body[0] & 0x0F;
            var codec = codecId switch
            {
                2 => VideoCodec.SorensonH263,
                3 => VideoCodec.Screen,
                4 => VideoCodec.Vp6,
                5 => VideoCodec.Vp6Alpha,
                6 => VideoCodec.ScreenV2,
                LegacyAvcCodecId => VideoCodec.Avc,
                LegacyHevcCodecId => VideoCodec.Hevc,
                _ => VideoCodec.Unknown,
            };

            // FLV 10.1: a frame type 5 body is a single command byte instead of video data.
            if (frameType == VideoFrameType.Command)
            {
                header = new VideoTagHeader(frameType, codec, false, 0, VideoPacketKind.Other, 0, 1);
                return true;
            }

            if (codec != VideoCodec.Avc && codec != VideoCodec.Hevc)
            {
                header = new VideoTagHeader(frameType, codec, false, 0, VideoPacketKind.CodedFrames, 0, 1);
                return true;
            }

            if (body.Length < 5)
            {
                return false;
            }

            VideoPacketKind kind;
            switch (body[1])
            {
                case 0: kind = VideoPacketKind.SequenceStart; break;
                case 1: kind = VideoPacketKind.CodedFrames; break;
                case 2: kind = VideoPacketKind.SequenceEnd; break;
                default: return false;
            }

            // The field exists for all three packet types but only means something for NAL units.
            int compositionTime = kind == VideoPacketKind.CodedFrames ? ReadSi24(body.Slice(2)) : 0;
            header = new VideoTagHeader(frameType, codec, false, 0, kind, compositionTime, 5);
            return true;
        }

        private static bool TryParseEnhanced(ReadOnlySpan<byte> body, out VideoTagHeader header)
        {
            header = default;
            int frameTypeValue = (body[0] >> 4) & 0x07;
            if (frameTypeValue < 1 || frameTypeValue > 5)
            {
                return false;
            }

            var frameType = (VideoFrameType)frameTypeValue;
            int packetType = body[0] & 0x0F;
            int offset = 1;

            if (!ModEx.TrySkip(body, ref offset, ref packetType))
            {
                return false;
            }

            if (frameType == VideoFrameType.Command && packetType != PacketMetadata)
            {
                if (offset >= body.Length)
                {
                    return false;
                }

                header = new VideoTagHeader(frameType, VideoCodec.Unknown, true, 0, VideoPacketKind.Other, 0, offset);
                return true;
            }

            bool multitrack = packetType == PacketMultitrack;
            bool hasFourCc = true;
            if (multitrack)
            {
                if (offset >= body.Length)
                {
                    return false;
                }

                hasFourCc = (body[offset] >> 4) != MultitrackManyTracksManyCodecs;
                offset++;
            }

            uint fourCc = 0;
            if (hasFourCc)
            {
                if (body.Length - offset < 4)
                {
                    return false;
                }

                fourCc = Media.FourCc.Read(body.Slice(offset));
                offset += 4;
            }

            var codec = Media.FourCc.ToVideoCodec(fourCc);
            if (multitrack)
            {
                header = new VideoTagHeader(frameType, codec, true, fourCc, VideoPacketKind.Other, 0, offset);
                return true;
            }

            VideoPacketKind kind;
            int compositionTime = 0;
            switch (packetType)
            {
                case PacketSequenceStart: kind = VideoPacketKind.SequenceStart; break;
                case PacketSequenceEnd: kind = VideoPacketKind.SequenceEnd; break;
                case PacketCodedFramesX: kind = VideoPacketKind.CodedFrames; break;
                case PacketMetadata: kind = VideoPacketKind.Metadata; break;
                case PacketCodedFrames:
                    kind = VideoPacketKind.CodedFrames;

                    // Only avc1 and hvc1 carry SI24 composition time; av01/vp09 data follows directly.
                    if (fourCc == Media.FourCc.Avc1 || fourCc == Media.FourCc.Hvc1)
                    {
                        if (body.Length - offset < 3)
                        {
                            return false;
                        }

                        compositionTime = ReadSi24(body.Slice(offset));
                        offset += 3;
                    }

                    break;
                default: kind = VideoPacketKind.Other; break;
            }

            header = new VideoTagHeader(frameType, codec, true, fourCc, kind, compositionTime, offset);
            return true;
        }

        private static int ReadSi24(ReadOnlySpan<byte> source)
        {
            int value = (source[0] << 16) | (source[1] << 8) | source[2];
            return (value << 8) >> 8;
        }

        private static void WriteSi24(Span<byte> dest, int value)
        {
            dest[0] = (byte)(value >> 16);
            dest[1] = (byte)(value >> 8);
            dest[2] = (byte)value;
        }

        private static void CheckFrameType(VideoFrameType frameType)
        {
            if ((int)frameType < 1 || (int)frameType > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(frameType), frameType, "Frame type must be 1–5.");
            }
        }

        private static void CheckCompositionTime(int compositionTime)
        {
            if (compositionTime < -0x800000 || compositionTime > 0x7FFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(compositionTime), compositionTime, "Composition time must fit in a signed 24-bit field.");
            }
        }
    }
}
