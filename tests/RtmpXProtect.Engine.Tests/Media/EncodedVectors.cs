using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Tests.Media;

/// <summary>
/// Elementary streams made by ffmpeg 5.1 (48 frames of testsrc, 128x96, 25 fps, a key frame
/// every 24, three B-frames with pyramid) in decode order, each with the presentation time in
/// milliseconds ffprobe gave for its packets:
/// h264-bframes (libx264), hevc-bframes (libx265, closed GOP), hevc-open-gop (libx265, CRA
/// with leading pictures).
/// </summary>
internal sealed record EncodedVector(string Name, VideoCodec Codec, byte[] Stream, long[] PresentationTimes)
{
    public static EncodedVector H264 => Load("h264-bframes", ".h264", VideoCodec.Avc);

    public static EncodedVector Hevc => Load("hevc-bframes", ".h265", VideoCodec.Hevc);

    public static EncodedVector HevcOpenGop => Load("hevc-open-gop", ".h265", VideoCodec.Hevc);

    public List<byte[]> AccessUnits() =>
        AccessUnitSplitter.Split(Stream, Codec).Select(u => Stream.AsSpan(u.Offset, u.Length).ToArray()).ToList();

    private static EncodedVector Load(string name, string extension, VideoCodec codec)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Media", "Vectors");
        var times = File.ReadAllLines(Path.Combine(folder, name + ".pts")).Where(l => l.Length > 0).Select(long.Parse).ToArray();
        return new EncodedVector(name, codec, File.ReadAllBytes(Path.Combine(folder, name + extension)), times);
    }
}
