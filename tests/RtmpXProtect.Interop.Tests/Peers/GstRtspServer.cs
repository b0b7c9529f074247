using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// gst-rtsp-server as an RTSP camera: Peers/scripts/gst-rtsp-server.py run by Debian's python3
/// (the one python3-gi belongs to, not a pyenv or venv one on PATH), serving a file at /test.
/// </summary>
public sealed class GstRtspServer : IAsyncDisposable
{
    /// <summary>The interpreter with GStreamer's introspection bindings.</summary>
    public const string Python = "/usr/bin/python3";

    private GstRtspServer(PeerProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public PeerProcess Process { get; }

    public int Port { get; }

    public string Url(string? user = null, string? password = null)
        => user == null ? $"rtsp://127.0.0.1:{Port}/test" : $"rtsp://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password ?? string.Empty)}@127.0.0.1:{Port}/test";

    /// <summary>
    /// Starts serving <paramref name="file"/> (FLV or MP4, H.264 and AAC), or a live test camera when it
    /// is null, on a free port; with a user, <paramref name="auth"/> ("basic" or "digest") authentication is required. <paramref name="protocols"/>
    /// "udp" or "tcp" offers RTP over that lower transport only, as a camera that does only one.
    /// </summary>
    public static async Task<GstRtspServer> StartAsync(string? file, string? user = null, string? password = null, bool shared = false, string protocols = "all", string auth = "basic")
    {
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "Peers", "scripts", "gst-rtsp-server.py"), "--port", "0" };
        arguments.AddRange(file == null ? new[] { "--camera" } : new[] { "--file", file });
        if (shared)
        {
            arguments.Add("--shared");
        }

        arguments.AddRange(new[] { "--protocols", protocols });

        if (user != null)
        {
            arguments.AddRange(new[] { "--user", user, "--password", password ?? string.Empty, "--auth", auth });
        }

        var process = PeerProcess.Start(Python, arguments);
        var line = await process.WaitForOutputAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return new GstRtspServer(process, int.Parse(line.Substring("listening ".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
