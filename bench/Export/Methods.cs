using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;

namespace RtmpXProtect.Bench.Export;

/// <summary>One export as measured: wall time, the peak memory of the process that wrote the file, and the file.</summary>
internal sealed record ExportRun(string Method, double RecordingSeconds, double WallSeconds, long PeakBytes, string File)
{
    public double TimesRealTime => RecordingSeconds / WallSeconds;

    public double MegabytesPerSecond => new FileInfo(File).Length / 1e6 / WallSeconds;
}

internal static class Methods
{
    /// <summary>rtmpx xprotect export, as a user runs it (process start and login included).</summary>
    public static async Task<ExportRun> RtmpxAsync(string rtmpx, Uri server, string passwordFile, long from, long to, string output)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo(rtmpx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "xprotect", "export", "--server", server.ToString(), "--user", "operator", "--password-file", passwordFile, "--camera", "Lobby", "--from", Iso(from), "--to", Iso(to), "--out", output, "--json" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var peak = PeakMemory.WatchAsync(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("rtmpx export failed: " + await stderr);
        }

        JsonDocument.Parse(await stdout);
        return new ExportRun("rtmpx xprotect export", (to - from) / 1000.0, wall, await peak, output);
    }

    /// <summary>
    /// The seed's method: the pictures' Annex B, GenericByteData headers stripped, piped into
    /// ffmpeg -f h264 -c copy. The playback side is the engine's own client (5 requests in flight,
    /// as the seed keeps), so only the muxing differs; the seed's Python is not modelled.
    /// </summary>
    public static async Task<ExportRun> SeedAsync(XProtectServerOptions server, Guid camera, long from, long to, string output)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-nostdin", "-v", "error", "-y", "-f", "h264", "-i", "pipe:0", "-c", "copy", output })
        {
            info.ArgumentList.Add(a);
        }

        using var ffmpeg = Process.Start(info)!;
        var peak = PeakMemory.WatchAsync(ffmpeg);
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        await using (var session = await XProtectSession.OpenAsync(server, CancellationToken.None))
        {
            var address = await session.GetImageServerAsync(await session.FindCameraAsync(camera.ToString(), CancellationToken.None), CancellationToken.None);
            await using var connection = await ImageServerConnection.ConnectAsync(address, camera, session.RecorderToken, null, CancellationToken.None);
            var pipe = ffmpeg.StandardInput.BaseStream;
            await connection.GotoAsync(DateTimeOffset.FromUnixTimeMilliseconds(from), CancellationToken.None);
            for (int i = 1; i < 5; i++)
            {
                await connection.NextAsync(CancellationToken.None);
            }

            long last = long.MinValue;
            while (true)
            {
                if (await connection.ReadAsync(CancellationToken.None) is not ImageReply reply || reply.Current is not long current || current <= last)
                {
                    break;
                }

                last = current;
                foreach (var part in reply.Parts)
                {
                    var frame = GenericByteDataReader.Parse(part, WireLimits.Default);
                    if (frame.Header.PictureTimestamp < to)
                    {
                        await pipe.WriteAsync(frame.Payload);
                    }
                }

                if (current >= to || reply.Next == reply.Current)
                {
                    break;
                }

                await connection.NextAsync(CancellationToken.None);
            }

            ffmpeg.StandardInput.Close();
        }

        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + await errors);
        }

        return new ExportRun("seed: Annex B piped to ffmpeg -f h264 -c copy", (to - from) / 1000.0, clock.Elapsed.TotalSeconds, await peak, output);
    }

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O", CultureInfo.InvariantCulture);
}
