using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// ffmpeg as a media source, publisher and player. Every invocation passes -nostdin (ffmpeg
/// otherwise reads the terminal for 'q' and has been seen to ignore SIGTERM while doing so).
/// Never pass "-timeout" to an rtmp:// input: in FFmpeg's RTMP protocol it means
/// "listen for an incoming connection", not a read timeout; "-rw_timeout" (microseconds) is the read timeout.
/// </summary>
public static class Ffmpeg
{
    /// <summary>How long making a test file may take; libx264 ultrafast makes seconds of 320x240 in well under one.</summary>
    private static readonly TimeSpan EncodeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Encodes <paramref name="seconds"/> of testsrc2 video (H.264) and a 440 Hz sine (AAC 44.1 kHz stereo)
    /// into an FLV in <paramref name="directory"/>. With <paramref name="bFrames"/> &gt; 0 the file has
    /// composition offsets (PTS &gt; DTS), which is what exercises timestamp handling.
    /// </summary>
    /// <returns>The path of the FLV file.</returns>
    public static Task<string> MakeTestFlvAsync(
        string directory, int seconds, int bFrames, int fps = 25, int gop = 50, string size = "320x240") =>
        MakeTestFileAsync(Path.Combine(directory, $"test-{seconds}s-bf{bFrames}-{fps}fps-g{gop}-{size}.flv"), new[] { "-f", "flv" }, seconds, bFrames, fps, gop, size);

    /// <summary>
    /// The same test video and tone as <see cref="MakeTestFlvAsync"/> in an MP4, with
    /// <paramref name="movflags"/> for its layout: "" puts the movie box at the end (ffmpeg's
    /// default), "+faststart" at the front, "+frag_keyframe+empty_moov+default_base_moof" fragments it.
    /// </summary>
    /// <returns>The path of the MP4 file.</returns>
    public static Task<string> MakeTestMp4Async(string directory, int seconds, int bFrames, string movflags, string video = "libx264")
    {
        var name = $"test-{seconds}s-bf{bFrames}-{video}{movflags.Replace('+', '_')}.mp4";
        var format = new List<string> { "-f", "mp4" };
        if (movflags.Length > 0)
        {
            format.InsertRange(0, new[] { "-movflags", movflags });
        }

        if (video == "libx265")
        {
            format.InsertRange(0, new[] { "-tag:v", "hvc1" });
        }

        return MakeTestFileAsync(Path.Combine(directory, name), format, seconds, bFrames, 25, 50, "320x240", video);
    }

    private static async Task<string> MakeTestFileAsync(
        string file, IEnumerable<string> format, int seconds, int bFrames, int fps, int gop, string size, string video = "libx264")
    {
        var s = seconds.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size={size}:rate={fps.ToString(CultureInfo.InvariantCulture)}:duration={s}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=44100:duration={s}",
            "-c:v", video, "-preset", "ultrafast",
        };

        // zerolatency forces bframes=0; -bf after the preset overrides ultrafast's own bframes=0.
        if (bFrames == 0)
        {
            arguments.AddRange(new[] { "-tune", "zerolatency" });
        }

        if (video == "libx265")
        {
            arguments.AddRange(new[] { "-x265-params", "log-level=error" });
        }

        arguments.AddRange(new[]
        {
            "-bf", bFrames.ToString(CultureInfo.InvariantCulture),
            "-g", gop.ToString(CultureInfo.InvariantCulture),
            "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-ar", "44100", "-ac", "2",
            "-shortest",
        });
        arguments.AddRange(format);
        arguments.Add(file);

        await using var encoder = PeerProcess.Start("ffmpeg", arguments);
        var exitCode = await encoder.WaitForExitAsync(EncodeTimeout).ConfigureAwait(false);
        if (exitCode != 0 || !File.Exists(file))
        {
            throw new InvalidOperationException(
                $"ffmpeg could not make the test file (exit {exitCode}). stderr tail:\n{encoder.StandardErrorTail()}");
        }

        return file;
    }

    /// <summary>
    /// Publishes <paramref name="file"/> in real time (-re) to <paramref name="url"/> without re-encoding.
    /// The server must already listen: ffmpeg does not retry a refused connect.
    /// </summary>
    /// <param name="file">An FLV (or anything ffmpeg reads) with H.264/AAC.</param>
    /// <param name="url">rtmp:// or rtmps:// URL including the stream key.</param>
    /// <param name="extraArgs">Output options placed before "-f flv URL", e.g. "-rtmp_chunk_size" or "-flvflags".</param>
    public static PeerProcess Publish(string file, string url, IEnumerable<string>? extraArgs = null)
    {
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-v", "error", "-re", "-i", file, "-c", "copy" };
        if (extraArgs is not null)
        {
            arguments.AddRange(extraArgs);
        }

        arguments.AddRange(new[] { "-f", "flv", url });
        return PeerProcess.Start("ffmpeg", arguments);
    }

    /// <summary>
    /// Plays <paramref name="url"/> into <paramref name="outFile"/> (FLV, stream copy). A live RTMP play
    /// never ends on its own when the publisher leaves (nginx-rtmp keeps the player waiting for the next
    /// publisher), so the player stops after <paramref name="idleTimeout"/> without data; ffmpeg then
    /// writes the FLV trailer and exits 0 after printing "Input/output error". In practice the exit comes
    /// about twice <paramref name="idleTimeout"/> after the last packet. The same timeout covers the wait
    /// for a publisher: start the publisher promptly once <see cref="NginxRtmp.WaitForPlayAsync"/> returns.
    /// </summary>
    public static PeerProcess Play(string url, string outFile, TimeSpan? idleTimeout = null)
    {
        var idle = (long)(idleTimeout ?? TimeSpan.FromSeconds(2)).TotalMilliseconds * 1000;
        return PeerProcess.Start("ffmpeg", new[]
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-rw_timeout", idle.ToString(CultureInfo.InvariantCulture),
            "-i", url, "-c", "copy", "-f", "flv", outFile,
        });
    }
}
