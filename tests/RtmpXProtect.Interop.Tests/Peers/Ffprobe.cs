using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// ffprobe as the independent judge of a media file. Output goes to a file (-o) because a packet
/// listing is thousands of lines and <see cref="PeerProcess"/> only keeps the tail of stdout.
/// </summary>
public static class Ffprobe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Streams and packets of <paramref name="file"/> (or a URL, read until it ends, with
    /// <paramref name="inputOptions"/> such as "-rtsp_transport tcp" in front); throws with ffprobe's
    /// stderr when it cannot read it.
    /// </summary>
    public static async Task<ProbeResult> ProbeAsync(string file, params string[] inputOptions)
    {
        var json = Path.Combine(Path.GetTempPath(), "rtmpx-ffprobe-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var arguments = new List<string> { "-v", "error" };
            arguments.AddRange(inputOptions);
            arguments.AddRange(new[] { "-show_streams", "-show_packets", "-of", "json", "-o", json, file });
            await using var probe = PeerProcess.Start("ffprobe", arguments);
            var exitCode = await probe.WaitForExitAsync(ProbeTimeout).ConfigureAwait(false);
            if (exitCode != 0 || !File.Exists(json))
            {
                throw new InvalidOperationException(
                    $"ffprobe could not read {file} (exit {exitCode}). stderr tail:\n{probe.StandardErrorTail()}");
            }

            using var stream = File.OpenRead(json);
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            return Parse(document.RootElement);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Reads the model out of ffprobe's JSON; fields ffprobe leaves out become null.</summary>
    public static ProbeResult Parse(JsonElement root)
    {
        var streams = new List<ProbeStream>();
        if (root.TryGetProperty("streams", out var streamArray))
        {
            foreach (var s in streamArray.EnumerateArray())
            {
                streams.Add(new ProbeStream(
                    s.GetProperty("index").GetInt32(),
                    String(s, "codec_name") ?? string.Empty,
                    String(s, "codec_type") ?? string.Empty,
                    Int(s, "width"),
                    Int(s, "height")));
            }
        }

        var packets = new List<ProbePacket>();
        if (root.TryGetProperty("packets", out var packetArray))
        {
            foreach (var p in packetArray.EnumerateArray())
            {
                packets.Add(new ProbePacket(
                    p.GetProperty("stream_index").GetInt32(),
                    String(p, "codec_type") ?? string.Empty,
                    Long(p, "pts"),
                    Long(p, "dts"),
                    (String(p, "flags") ?? string.Empty).Contains('K'),
                    (int)(Long(p, "size") ?? 0)));
            }
        }

        return new ProbeResult(streams, packets);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) => (int?)Long(e, name);

    // ffprobe writes some integers as strings ("size": "8732"), others as numbers.
    private static long? Long(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetInt64(),
            JsonValueKind.String when long.TryParse(v.GetString(), out var n) => n,
            _ => null,
        };
    }
}
