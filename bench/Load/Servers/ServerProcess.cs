using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>
/// A server under test: a child process listening on 127.0.0.1, stopped with SIGTERM (then
/// SIGKILL), its output drained so a full pipe never stalls it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Action? _cleanup;
    private readonly Queue<string> _tail = new();

    private ServerProcess(string name, Process process, int port, Action? cleanup)
    {
        Name = name;
        _process = process;
        Port = port;
        _cleanup = cleanup;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string OutputTail
    {
        get
        {
            lock (_tail)
            {
                return string.Join("\n", _tail);
            }
        }
    }

    /// <summary>Starts <paramref name="program"/> and returns once <paramref name="port"/> accepts connections.</summary>
    public static async Task<ServerProcess> StartAsync(string name, string program, IEnumerable<string> arguments, int port, string? workingDirectory = null, Action? cleanup = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory != null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + program);
        var server = new ServerProcess(name, process, port, cleanup);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                break;
            }

            if (await AcceptsAsync(port).ConfigureAwait(false))
            {
                return server;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        var tail = server.OutputTail;
        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"{name} did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Output tail:\n{tail}");
    }

    /// <summary>A free loopback port (bound, read, released).</summary>
    public static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, SigTerm);
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false) != exited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
        _cleanup?.Invoke();
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void Keep(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
