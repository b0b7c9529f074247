using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Cli.Streaming;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Hosting;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// `rtmpx serve` around the engine's <see cref="ServerHost"/>: what only a process of its own has,
    /// helper processes for streams, the HTTP status API and SIGHUP, until Ctrl+C or SIGTERM.
    /// </summary>
    internal static class ServeRunner
    {
        /// <summary>
        /// Serves until <paramref name="stop"/>; 0 after a clean stop, 2 when it could not start. Calls
        /// <paramref name="ready"/> once the listeners are bound and the configured streams started.
        /// </summary>
        public static async Task<int> RunAsync(FileInfo? file, ServeOverrides overrides, ServeConfiguration initial, Serilog.Core.Logger log, StatusEndpoints endpoints, Action ready, CancellationToken stop)
        {
            HeapFloor.Hold();
            // Pooled media arrays live as long as the server: on the pinned heap no collection copies
            // them (at 50 players the first one after they came promoted 1.9 MB and paused 4-5 ms).
            MediaBuffers.AllocateWith(length => GC.AllocateUninitializedArray<byte>(length, pinned: true));
            using var launcher = SelfLauncher.Create();
            var helperLogs = new ConcurrentDictionary<string, LogRing>(StringComparer.OrdinalIgnoreCase);
            var options = new ServerHostOptions
            {
                ConfigFile = file,
                Overrides = overrides,
                Initial = initial,
                Log = log,
                // An ingest: stream reads serve's own server (in process, no socket); any other runs in a
                // helper process, so a crashing source or codec cannot take the server down.
                Workers = (definition, server) => definition.Source.StartsWith(FrameSources.IngestPrefix, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : new HelperProcessWorker(definition, file!.FullName, launcher, helperLogs.GetOrAdd(definition.Name, _ => new LogRing(1000)), log),
                StartApi = host => endpoints.StartAsync(host.Server, log, host.Streams),
            };

            // Registered before the host starts, so a SIGHUP during start-up never takes the default
            // action (ending the process); one that comes before the host exists reloads right after.
            // Under one lock: a SIGHUP read "not started" must not set its flag after the flag was checked.
            var gate = new object();
            ServerHost? started = null;
            var early = false;
            using var hangup = file == null ? null : ListenForHangup(() =>
            {
                lock (gate)
                {
                    if (started != null)
                    {
                        started.RequestReload("SIGHUP");
                    }
                    else
                    {
                        early = true;
                    }
                }
            });

            ServerHost host;
            try
            {
                host = await ServerHost.StartAsync(options, stop);
            }
            catch (Exception e) when (e is RtmpxConfigException || e is CertificateLoadException || e is System.Net.Sockets.SocketException || e is InvalidOperationException)
            {
                log.Error("{Error}", Describe(e));
                return 2;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }

            lock (gate)
            {
                started = host;
                if (early)
                {
                    host.RequestReload("SIGHUP");
                }
            }

            await using (host)
            {
                ready();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the host stops below.
                }
            }

            return 0;
        }

        private static string Describe(Exception e) => e switch
        {
            RtmpxConfigException config => string.Join("; ", config.Errors),
            System.Net.Sockets.SocketException socket => "Cannot listen: " + socket.Message,
            _ => e.Message,
        };

        private static IDisposable? ListenForHangup(Action reload)
        {
            try
            {
                HangupDisposition.ReclaimIfIgnored();
                return PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
                {
                    // Handled here: the default action would end the process.
                    context.Cancel = true;
                    reload();
                });
            }
            catch (PlatformNotSupportedException)
            {
                return null;
            }
        }
    }
}
