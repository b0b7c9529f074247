using RtmpXProtect.Engine.Amf;

namespace RtmpXProtect.Engine.Tests.Amf
{
    /// <summary>Real payloads, built by hand from what FFmpeg and OBS send.</summary>
    internal static class AmfSamples
    {
        public const string TcUrl = "rtmp://ingest.example.com:1935/live";

        /// <summary>FFmpeg's connect command (libavformat/rtmpproto.c gen_connect) with the Enhanced RTMP fourCcList.</summary>
        public static byte[] ConnectPayload() => new Amf0Bytes()
            .String("connect")
            .Number(1.0)
            .ObjectStart()
            .Key("app").String("live")
            .Key("flashVer").String("FMLE/3.0 (compatible; FMSc/1.0)")
            .Key("tcUrl").String(TcUrl)
            .Key("type").String("nonprivate")
            .Key("fpad").Boolean(false)
            .Key("capabilities").Number(15.0)
            .Key("audioCodecs").Number(4071.0)
            .Key("videoCodecs").Number(252.0)
            .Key("videoFunction").Number(1.0)
            .Key("fourCcList").StrictArrayStart(3).String("av01").String("vp09").String("hvc1")
            .ObjectEnd()
            .ToArray();

        public static AmfObject ConnectCommandObject() => new AmfObject
        {
            { "app", "live" },
            { "flashVer", "FMLE/3.0 (compatible; FMSc/1.0)" },
            { "tcUrl", TcUrl },
            { "type", "nonprivate" },
            { "fpad", false },
            { "capabilities", 15.0 },
            { "audioCodecs", 4071.0 },
            { "videoCodecs", 252.0 },
            { "videoFunction", 1.0 },
            { "fourCcList", new object?[] { "av01", "vp09", "hvc1" } },
        };

        /// <summary>The onMetaData ECMA array alone (FFmpeg flvenc / OBS order).</summary>
        public static byte[] OnMetaDataArray() => new Amf0Bytes()
            .EcmaArrayStart(13)
            .Key("duration").Number(0)
            .Key("width").Number(1920)
            .Key("height").Number(1080)
            .Key("videodatarate").Number(2500)
            .Key("framerate").Number(30)
            .Key("videocodecid").Number(7)
            .Key("audiodatarate").Number(128)
            .Key("audiosamplerate").Number(44100)
            .Key("audiosamplesize").Number(16)
            .Key("stereo").Boolean(true)
            .Key("audiocodecid").Number(10)
            .Key("encoder").String("Lavf61.7.100")
            .Key("filesize").Number(0)
            .ObjectEnd()
            .ToArray();

        public static AmfEcmaArray OnMetaData() => new AmfEcmaArray
        {
            { "duration", 0.0 }, { "width", 1920.0 }, { "height", 1080.0 }, { "videodatarate", 2500.0 },
            { "framerate", 30.0 }, { "videocodecid", 7.0 }, { "audiodatarate", 128.0 },
            { "audiosamplerate", 44100.0 }, { "audiosamplesize", 16.0 }, { "stereo", true },
            { "audiocodecid", 10.0 }, { "encoder", "Lavf61.7.100" }, { "filesize", 0.0 },
        };

        /// <summary>
        /// An AMF3 object (via 0x11) exercising traits, a trait reference, string and object
        /// references, a dense array, a mixed array, a date and a byte array.
        /// </summary>
        public static byte[] Amf3Object() => Hex.Bytes(
            "0A 0B 01" +                       // dynamic anonymous object, no sealed members
            " 07 61 70 70 06 09 6C 69 76 65" + // app: "live"
            " 03 6E 04 81 00" +                // n: 128
            " 03 6C 09 05 01 06 02 04 7F" +    // l: ["live" (string ref 1), 127]
            " 03 6D 09 03 03 6B 06 00 01 02" + // m: { k: "app" (string ref 0), "0": false }
            " 03 64 08 01 42 70 00 00 00 00 00 00" + // d: date 2^40 ms
            " 03 62 0C 07 01 02 03" +          // b: byte array 01 02 03
            " 03 73 0A 00" +                   // s: reference to the outer object
            " 01");
    }
}
