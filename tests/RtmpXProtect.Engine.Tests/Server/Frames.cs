using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Media;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>Real-looking FLV bodies: an x264 sequence header, AAC config, key and inter frames.</summary>
    internal static class Frames
    {
        public static byte[] AvcSequenceHeader()
        {
            var record = AvcDecoderConfigurationRecord.Create(MediaVectors.Hex(MediaVectors.AvcSps720), MediaVectors.Hex(MediaVectors.AvcPps)).ToBytes();
            var body = new byte[5 + record.Length];
            body[0] = 0x17;
            record.CopyTo(body, 5);
            return body;
        }

        public static byte[] AacSequenceHeader()
        {
            var config = AudioSpecificConfig.Create(2, 44100, 2);
            var body = new byte[2 + config.Length];
            body[0] = 0xAF;
            config.CopyTo(body, 2);
            return body;
        }

        /// <summary>A video frame whose bytes after the header are all <paramref name="tag"/>.</summary>
        public static byte[] Video(bool key, int size, byte tag)
        {
            var body = new byte[Math.Max(size, 9)];
            body.AsSpan().Fill(tag);
            body[0] = key ? (byte)0x17 : (byte)0x27;
            body[1] = 0x01;
            body[2] = body[3] = body[4] = 0;
            return body;
        }

        public static byte[] Aac(byte tag) => new byte[] { 0xAF, 0x01, tag, tag, tag };

        public static byte[] Metadata() => Amf0Writer.Serialize("onMetaData", new AmfEcmaArray { { "width", 1280.0 }, { "height", 720.0 } });

        public static MediaFrame Frame(MessageType type, uint timestamp, byte[] body, uint streamId = 1) => MediaFrame.From(new RtmpMessage(type, timestamp, streamId, body));

        public static MediaFrame Key(uint timestamp, int size = 100) => Frame(MessageType.Video, timestamp, Video(true, size, 1));

        public static MediaFrame Inter(uint timestamp, int size = 100) => Frame(MessageType.Video, timestamp, Video(false, size, 2));
    }
}
