using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// Tells the service manager `rtmpx serve` runs under when it is ready and takes its stop request:
    /// systemd through sd_notify (a unit of Type=notify waits for READY=1, sent once the listeners are
    /// bound), the Windows SCM through the generic host's service lifetime (Running once started,
    /// Stop cancels). Under neither, serve runs as it is, until Ctrl+C or SIGTERM.
    /// </summary>
    internal static class ServiceManagerLink
    {
        /// <summary>Runs <paramref name="serve"/>, which calls its ready action once it listens.</summary>
        /// <param name="serve">The server run: (ready, stop) to exit code.</param>
        /// <param name="stop">Ctrl+C or SIGTERM.</param>
        public static Task<int> RunAsync(Func<Action, CancellationToken, Task<int>> serve, CancellationToken stop)
        {
            if (OperatingSystem.IsWindows() && WindowsServiceHelpers.IsWindowsService())
            {
                return RunAsWindowsServiceAsync(serve);
            }

            var systemd = new SystemdNotifier();
            return RunNotifyingAsync(serve, systemd, stop);
        }

        private static async Task<int> RunNotifyingAsync(Func<Action, CancellationToken, Task<int>> serve, ISystemdNotifier systemd, CancellationToken stop)
        {
            if (!systemd.IsEnabled)
            {
                return await serve(() => { }, stop);
            }

            using var stopping = stop.Register(() => systemd.Notify(ServiceState.Stopping));
            return await serve(() => systemd.Notify(ServiceState.Ready), stop);
        }

        private static async Task<int> RunAsWindowsServiceAsync(Func<Action, CancellationToken, Task<int>> serve)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddWindowsService();
            var service = new ServeService(serve);
            builder.Services.AddSingleton<IHostedService>(service);
            using var host = builder.Build();
            try
            {
                await host.RunAsync();
            }
            catch (InvalidOperationException)
            {
                // Serve did not start: it logged why, and its exit code says so to the SCM.
            }

            return service.ExitCode;
        }

        // The SCM sees Running when StartAsync returns, so it returns once serve is ready (or failed).
        private sealed class ServeService : IHostedService
        {
            private readonly Func<Action, CancellationToken, Task<int>> _serve;
            private readonly CancellationTokenSource _stop = new CancellationTokenSource();
            private readonly TaskCompletionSource _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            private Task<int>? _run;

            public ServeService(Func<Action, CancellationToken, Task<int>> serve) => _serve = serve;

            public int ExitCode { get; private set; }

            public async Task StartAsync(CancellationToken cancellationToken)
            {
                _run = _serve(() => _ready.TrySetResult(), _stop.Token);
                var first = await Task.WhenAny(_ready.Task, _run);
                if (first == _run)
                {
                    ExitCode = await _run;
                    throw new InvalidOperationException($"rtmpx serve did not start (exit code {ExitCode}); its log says why.");
                }
            }

            public async Task StopAsync(CancellationToken cancellationToken)
            {
                _stop.Cancel();
                if (_run != null)
                {
                    ExitCode = await _run;
                }
            }
        }
    }
}
