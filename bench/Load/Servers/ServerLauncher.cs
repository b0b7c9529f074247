using System;
using System.Globalization;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>
/// Starts each server on a free loopback port with its own temporary configuration: rtmpx as
/// <see cref="RtmpxBinary"/> says, nginx-rtmp with one worker and chunk_size 4096, node-media-server v4 with
/// only RTMP on 127.0.0.1.
/// </summary>
internal sealed class ServerLauncher
{
    private static readonly string[] NginxModules =
    {
        "/usr/lib/nginx/modules/ngx_rtmp_module.so",
        "/usr/lib64/nginx/modules/ngx_rtmp_module.so",
        "/usr/local/nginx/modules/ngx_rtmp_module.so",
    };

    private readonly BenchPaths _paths;
    private readonly RtmpxBinary? _rtmpx;
    private readonly IReadOnlyDictionary<string, long> _rtmpxLimits;

    /// <param name="rtmpxLimits">Keys of rtmpx.json's limits section set for this run (--rtmpx-limit), to measure a default against its alternative.</param>
    public ServerLauncher(BenchPaths paths, RtmpxBinary? rtmpx, IReadOnlyDictionary<string, long> rtmpxLimits)
    {
        _paths = paths;
        _rtmpx = rtmpx;
        _rtmpxLimits = rtmpxLimits;
    }

    public static string Label(ServerKind kind) => kind switch
    {
        ServerKind.Rtmpx => "rtmpx",
        ServerKind.Nginx => "nginx-rtmp",
        _ => "node-media-server",
    };

    /// <summary>Why <paramref name="kind"/> cannot run here, or null when it can.</summary>
    public string? Unavailable(ServerKind kind) => kind switch
    {
        ServerKind.Rtmpx => _rtmpx != null ? null : "rtmpx is not built (dotnet build -c Release src/Cli)",
        ServerKind.Nginx => NginxModules.Any(File.Exists) ? null : "ngx_rtmp_module.so is not installed (apt-get install libnginx-mod-rtmp)",
        _ => File.Exists(_paths.NmsApp) ? null : "node-media-server is not installed in " + _paths.NmsDirectory,
    };

    /// <summary>Starts <paramref name="kind"/> for a scenario of <paramref name="clients"/> connections.</summary>
    public Task<ServerProcess> StartAsync(ServerKind kind, int clients)
    {
        var port = ServerProcess.FreePort();
        var text = port.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case ServerKind.Rtmpx:
            {
                // Every benchmark client comes from 127.0.0.1 within a second or two: the per-address
                // caps that protect a real server would refuse them (nginx-rtmp has none to lift).
                var directory = TempDirectory("rtmpx-bench-rtmpx-");
                var config = Path.Combine(directory, "rtmpx.json");
                var limits = new JsonObject { ["maxConnections"] = 100000, ["maxConnectionsPerAddress"] = 100000, ["newConnectionsPerSecondPerAddress"] = 100000, ["maxUndecidedConnections"] = 100000 };
                foreach (var (key, value) in _rtmpxLimits)
                {
                    limits[key] = value;
                }

                File.WriteAllText(config, new JsonObject { ["limits"] = limits, ["api"] = new JsonObject { ["listen"] = null } }.ToJsonString());
                return ServerProcess.StartAsync(Label(kind), _rtmpx!.FileName, _rtmpx.Arguments("serve", "--config", config, "--listen", "127.0.0.1:" + text, "--no-rtsp", "--log-level", "Warning"), port, directory, () => Delete(directory));
            }
            case ServerKind.Nginx:
            {
                var prefix = TempDirectory("rtmpx-bench-nginx-");
                Directory.CreateDirectory(Path.Combine(prefix, "logs"));
                File.WriteAllText(Path.Combine(prefix, "nginx.conf"), NginxConfig(NginxModules.First(File.Exists), prefix, text, Math.Max(4096, clients + 100)));
                return ServerProcess.StartAsync(Label(kind), "nginx", new[] { "-p", prefix + "/", "-c", "nginx.conf", "-e", "stderr" }, port, prefix, () => Delete(prefix));
            }

            default:
            {
                var directory = TempDirectory("rtmpx-bench-nms-");
                var config = Path.Combine(directory, "config.json");
                File.WriteAllText(config, NmsConfig(text));
                return ServerProcess.StartAsync(Label(kind), "node", new[] { _paths.NmsApp, "-c", config, "--no-admin" }, port, directory, () => Delete(directory));
            }
        }
    }

    private static string NginxConfig(string module, string prefix, string port, int connections) =>
        // daemon off + master_process off: one foreground process, measured as such; no http block,
        // so nginx never touches /var/lib/nginx. nginx allocates its connection table up front, so
        // worker_connections is 4096 (1000 players, 200 publishers) and grows only for larger scenarios.
        $$"""
        load_module {{module}};
        daemon off;
        master_process off;
        worker_processes 1;
        worker_rlimit_nofile {{connections * 2}};
        error_log stderr warn;
        pid {{prefix}}/nginx.pid;
        events { worker_connections {{connections}}; }
        rtmp {
            access_log off;
            server {
                listen 127.0.0.1:{{port}};
                chunk_size 4096;
                application live {
                    live on;
                }
            }
        }
        """;

    private static string NmsConfig(string port) =>
        // No http/https/rtmps sections: node-media-server then listens on RTMP only. A fixed auth
        // secret keeps it from writing the config back; GOP cache is on by default in v4.
        $$"""
        {
            "bind": "127.0.0.1",
            "notify": { "url": "" },
            "store": { "path": "./data" },
            "auth": { "play": false, "publish": false, "secret": "rtmpx-bench" },
            "rtmp": { "port": {{port}} },
            "webadmin": { "enable": false },
            "record": { "auto": false, "path": "./record" }
        }
        """;

    private static string TempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
