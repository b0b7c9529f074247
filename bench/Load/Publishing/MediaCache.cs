using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Publishing;

/// <summary>
/// Generates the benchmark media once with ffmpeg and keeps it under bench/.cache: 1280x720 30 fps
/// H.264 (libx264 veryfast, CBR-like -maxrate/-bufsize, 2 s GOP, no B-frames) + AAC 128k, 20 s, FLV.
/// </summary>
internal static class MediaCache
{
    public static async Task<string> EnsureAsync(string cache, int videoKbps, int seconds = 20, int width = 1280, int height = 720)
    {
        Directory.CreateDirectory(cache);
        var path = Path.Combine(cache, $"media-{width}x{height}-{videoKbps}k-{seconds}s.flv");
        if (File.Exists(path))
        {
            return path;
        }

        var rate = videoKbps.ToString(CultureInfo.InvariantCulture) + "k";
        var temporary = path + ".tmp";
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-nostdin", "-y", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=30",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", rate, "-maxrate", rate, "-bufsize", rate,
            "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-bf", "0", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
            "-f", "flv", temporary,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg could not be started.");
        var errors = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {errors}");
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
