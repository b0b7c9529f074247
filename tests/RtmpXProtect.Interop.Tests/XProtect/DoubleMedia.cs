using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.XProtectDouble;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>
/// Recordings for the XProtect double, made with ffmpeg: libx264 with B-frames, libx265, or
/// Motion JPEG, 320x240 testsrc2 at 25 fps with a key frame every 2 s. Times come from ffprobe's
/// packets of the Matroska file ffmpeg wrote, so the truth is ffmpeg's, not ours.
/// </summary>
internal static class DoubleMedia
{
    public const long Start = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<List<RecordedPicture>> EncodeAsync(string directory, VideoCodec codec, int seconds, Stamping stamping)
    {
        var name = codec == VideoCodec.Avc ? "h264" : "hevc";
        var mkv = Path.Combine(directory, $"{name}-{seconds}.mkv");
        var es = Path.Combine(directory, $"{name}-{seconds}.es");
        var encoder = codec == VideoCodec.Avc
            ? new[] { "-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0" }
            : new[] { "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "bframes=3:b-adapt=0:keyint=50:min-keyint=50:scenecut=0:open-gop=0:log-level=error" };
        await RunAsync("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}" }
            .Concat(encoder).Concat(new[] { "-pix_fmt", "yuv420p", mkv }));
        await RunAsync("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-i", mkv, "-c", "copy", "-bsf:v", name + "_mp4toannexb", "-f", name, es });
        var times = (await LinesAsync(directory, "-select_streams", "v", "-show_entries", "packet=pts", mkv)).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToList();
        return Recordings.FromElementaryStream(await File.ReadAllBytesAsync(es), codec, times, Start, stamping);
    }

    /// <summary>Motion JPEG pictures, split at their start-of-image markers.</summary>
    public static async Task<List<RecordedPicture>> JpegsAsync(string directory, int seconds)
    {
        var file = Path.Combine(directory, "mjpeg.mjpeg");
        await RunAsync("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=10:duration={seconds}", "-c:v", "mjpeg", "-q:v", "5", "-f", "mjpeg", file });
        var bytes = await File.ReadAllBytesAsync(file);
        var starts = new List<int>();
        for (int i = 0; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] == 0xD8 && bytes[i + 2] == 0xFF)
            {
                starts.Add(i);
            }
        }

        starts.Add(bytes.Length);
        return Recordings.FromJpegs(starts.Zip(starts.Skip(1), (a, b) => bytes.AsSpan(a, b - a).ToArray()), Start, 100);
    }

    /// <summary>ffprobe's CSV lines (written to a file: a process's output tail keeps only its last lines).</summary>
    public static async Task<List<string>> LinesAsync(string directory, params string[] arguments)
    {
        var output = Path.Combine(directory, "probe-" + Guid.NewGuid().ToString("N") + ".csv");
        await RunAsync("ffprobe", new[] { "-v", "error", "-of", "csv=p=0", "-o", output }.Concat(arguments));
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0).ToList();
        File.Delete(output);
        return lines;
    }

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        await using var process = PeerProcess.Start(program, arguments);
        var exit = await process.WaitForExitAsync(Timeout);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {exit}): {process.StandardErrorTail()}");
        }

        return process.StandardOutputTail();
    }
}
