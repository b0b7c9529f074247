using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.XProtectDouble;

namespace RtmpXProtect.Bench.Export;

/// <summary>
/// The benchmark camera: one minute of ffmpeg testsrc2, 1280x720 at 30 fps, libx264 veryfast at
/// 2 Mbps with B-frames and a 2 s GOP, cached in bench/.cache; times from ffprobe.
/// </summary>
internal static class Media
{
    public const long Start = 1_767_225_600_000;
    public const int Seconds = 60;

    public static List<RecordedPicture> Minute(string cache)
    {
        Directory.CreateDirectory(cache);
        var mkv = Path.Combine(cache, "export-2mbps.mkv");
        var es = Path.Combine(cache, "export-2mbps.h264");
        var pts = Path.Combine(cache, "export-2mbps.pts");
        if (!File.Exists(pts))
        {
            Run("ffmpeg", $"-nostdin -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration={Seconds} -c:v libx264 -preset veryfast -b:v 2M -maxrate 2M -bufsize 4M -g 60 -keyint_min 60 -sc_threshold 0 -pix_fmt yuv420p {mkv}");
            Run("ffmpeg", $"-nostdin -v error -y -i {mkv} -c copy -bsf:v h264_mp4toannexb -f h264 {es}");
            Run("ffprobe", $"-v error -select_streams v -show_entries packet=pts -of csv=p=0 -o {pts} {mkv}");
        }

        var times = File.ReadAllLines(pts).Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToList();
        return Recordings.FromElementaryStream(File.ReadAllBytes(es), VideoCodec.Avc, times, Start, Stamping.Arrival);
    }

    public static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
