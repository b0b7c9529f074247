using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Bench.Micro
{
    /// <summary>
    /// One second of a typical live stream: 30 fps H.264 frames of about 8 KB (a keyframe of 64 KB
    /// first) and 43 AAC frames of 370 B, interleaved by timestamp as an encoder sends them.
    /// </summary>
    internal static class MediaMix
    {
        public const int ChunkSize = 4096;

        public static List<RtmpMessage> OneSecond()
        {
            var messages = new List<RtmpMessage>();
            var video = 0;
            var audio = 0;
            while (video < 30 || audio < 43)
            {
                var videoTime = (uint)(video * 1000 / 30);
                var audioTime = (uint)(audio * 1024 * 1000 / 44100);
                if (video < 30 && (audio >= 43 || videoTime <= audioTime))
                {
                    var body = new byte[video == 0 ? 64 * 1024 : 8 * 1024];
                    new Random(video).NextBytes(body);
                    body[0] = video == 0 ? (byte)0x17 : (byte)0x27;
                    body[1] = 1;
                    messages.Add(new RtmpMessage(MessageType.Video, videoTime, 1, body));
                    video++;
                }
                else
                {
                    var body = new byte[370];
                    new Random(1000 + audio).NextBytes(body);
                    body[0] = 0xAF;
                    body[1] = 1;
                    messages.Add(new RtmpMessage(MessageType.Audio, audioTime, 1, body));
                    audio++;
                }
            }

            return messages;
        }

        /// <summary>The bytes a publisher sends for <see cref="OneSecond"/>, after a Set Chunk Size of 4096.</summary>
        public static byte[] OneSecondOnTheWire()
        {
            var encoder = new ChunkEncoder();
            var writer = new ByteBufferWriter(1 << 20);
            encoder.Write(writer, ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(ChunkSize));
            foreach (var message in OneSecond())
            {
                encoder.Write(writer, message.Type == MessageType.Audio ? ChunkStreamIds.Audio : ChunkStreamIds.Video, message);
            }

            return writer.ToArray();
        }

        public static byte[] ConnectCommand() => Amf0Writer.Serialize(
            "connect",
            1.0,
            new AmfObject
            {
                { "app", "live" },
                { "type", "nonprivate" },
                { "flashVer", "FMLE/3.0 (compatible; FMSc/1.0)" },
                { "swfUrl", "rtmp://127.0.0.1:1935/live" },
                { "tcUrl", "rtmp://127.0.0.1:1935/live" },
                { "fpad", false },
                { "capabilities", 239.0 },
                { "audioCodecs", 3575.0 },
                { "videoCodecs", 252.0 },
                { "videoFunction", 1.0 },
                { "objectEncoding", 0.0 },
                { "fourCcList", new object?[] { "av01", "vp09", "hvc1" } },
            });

        public static byte[] OnMetaData() => Amf0Writer.Serialize(
            "onMetaData",
            new AmfEcmaArray
            {
                { "duration", 0.0 },
                { "width", 1920.0 },
                { "height", 1080.0 },
                { "videodatarate", 2500.0 },
                { "framerate", 30.0 },
                { "videocodecid", 7.0 },
                { "audiodatarate", 128.0 },
                { "audiosamplerate", 44100.0 },
                { "audiosamplesize", 16.0 },
                { "stereo", true },
                { "audiocodecid", 10.0 },
                { "major_brand", "isom" },
                { "minor_version", "512" },
                { "compatible_brands", "isomiso2avc1mp41" },
                { "encoder", "Lavf61.7.100" },
                { "filesize", 0.0 },
            });
    }
}
