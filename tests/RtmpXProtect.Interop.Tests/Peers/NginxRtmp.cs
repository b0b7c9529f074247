using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Tests.Shared;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// A private nginx + nginx-rtmp-module on an ephemeral loopback port, with its own prefix
/// directory, so tests never touch /etc/nginx and can run in parallel. Its error log goes to
/// stderr at info level, which is where nginx-rtmp announces "play: name='x'" and
/// "publish: name='x'": tests wait on those lines instead of guessing with sleeps.
/// </summary>
public sealed class NginxRtmp : IAsyncDisposable
{
    /// <summary>Where Debian's libnginx-mod-rtmp puts the module (nginx -V: --modules-path=/usr/lib/nginx/modules).</summary>
    public static readonly string[] ModuleCandidates =
    {
        "/usr/lib/nginx/modules/ngx_rtmp_module.so",
        "/usr/lib64/nginx/modules/ngx_rtmp_module.so",
        "/usr/local/nginx/modules/ngx_rtmp_module.so",
    };

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly PeerProcess _process;

    private NginxRtmp(PeerProcess process, string prefix, int port)
    {
        _process = process;
        Prefix = prefix;
        Port = port;
    }

    /// <summary>The TCP port nginx listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The temporary prefix directory holding nginx.conf and the pid file.</summary>
    public string Prefix { get; }

    /// <summary>The nginx process, for its log tail in failure messages.</summary>
    public PeerProcess Process => _process;

    /// <summary>Publish/play URL of <paramref name="stream"/> in the "live" application.</summary>
    public string Url(string stream) => $"rtmp://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/live/{stream}";

    /// <summary>
    /// Writes a config and starts nginx in the foreground (daemon off, no master process, so it
    /// never forks away from the test and never switches user). Returns once the port accepts.
    /// A port taken between <see cref="FreePort.Get"/> and nginx's bind is retried with a new port;
    /// a given <paramref name="port"/> (a destination restarted where it was) is retried as it is.
    /// </summary>
    public static async Task<NginxRtmp> StartAsync(int chunkSize = 4096, int? port = null)
    {
        var module = ModuleCandidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "ngx_rtmp_module.so is not installed (looked in " + string.Join(", ", ModuleCandidates)
                + "); .ci/run installs libnginx-mod-rtmp with apt-get");

        InvalidOperationException? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var prefix = Path.Combine(Path.GetTempPath(), "rtmpx-nginx-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(prefix, "logs"));
            var chosen = port ?? FreePort.Get();
            File.WriteAllText(Path.Combine(prefix, "nginx.conf"), Config(module, prefix, chosen, chunkSize));

            // -e stderr: startup errors (before error_log is parsed) go to our captured stderr too.
            var process = PeerProcess.Start("nginx", new[] { "-p", prefix + "/", "-c", "nginx.conf", "-e", "stderr" });
            var ready = TcpReady.WaitAsync(chosen, StartTimeout);
            var first = await Task.WhenAny(ready, process.Exited).ConfigureAwait(false);
            if (first == ready && ready.Status == TaskStatus.RanToCompletion && !process.HasExited)
            {
                return new NginxRtmp(process, prefix, chosen);
            }

            lastFailure = new InvalidOperationException(
                $"nginx did not start on 127.0.0.1:{chosen}. stderr tail:\n{process.StandardErrorTail()}");
            await process.DisposeAsync().ConfigureAwait(false);
            _ = ready.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed; the failure above says why
            TryDelete(prefix);
            if (!process.StandardErrorTail().Contains("Address already in use", StringComparison.Ordinal))
            {
                break;
            }
        }

        throw lastFailure!;
    }

    /// <summary>Completes when nginx-rtmp logs that a player asked to play <paramref name="stream"/>.</summary>
    public Task<string> WaitForPlayAsync(string stream, TimeSpan timeout) =>
        _process.WaitForOutputAsync(l => l.Contains($" play: name='{stream}'", StringComparison.Ordinal), timeout);

    /// <summary>Completes when nginx-rtmp logs that a publisher started <paramref name="stream"/>.</summary>
    public Task<string> WaitForPublishAsync(string stream, TimeSpan timeout) =>
        _process.WaitForOutputAsync(l => l.Contains($" publish: name='{stream}'", StringComparison.Ordinal), timeout);

    /// <summary>Stops nginx and removes its prefix directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        TryDelete(Prefix);
    }

    private static string Config(string module, string prefix, int port, int chunkSize) =>
        // No "user" directive: with master_process off nginx never forks workers, so it runs as
        // whoever started it (root in CI containers) and does not try to switch to www-data.
        // No http block: nginx-light would otherwise want its /var/lib/nginx temp paths.
        $$"""
        load_module {{module}};
        daemon off;
        master_process off;
        worker_processes 1;
        error_log stderr info;
        pid {{prefix}}/nginx.pid;
        events { worker_connections 256; }
        rtmp {
            server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                chunk_size {{chunkSize.ToString(CultureInfo.InvariantCulture)}};
                application live {
                    live on;
                }
            }
        }
        """;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
