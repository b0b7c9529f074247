using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// A third-party program under test. Arguments are passed as a list so a stream key or path
/// with spaces never needs quoting; output is captured asynchronously and only its tail is kept.
/// Disposing kills the whole process tree if it is still running, so a failed test leaves no peer behind.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    /// <summary>How many lines of each stream are kept for failure messages.</summary>
    public const int TailLines = 200;

    private readonly Process _process;
    private readonly object _gate = new();
    private readonly OutputTail _stdout = new(TailLines);
    private readonly OutputTail _stderr = new(TailLines);
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = new();
    private readonly TaskCompletionSource<bool> _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    private PeerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>The program's short name (e.g. "ffmpeg"), used in messages.</summary>
    public string Name { get; }

    /// <summary>The operating system process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process exits, without a timeout and without killing it; for racing against readiness.</summary>
    public Task Exited => _exited.Task;

    /// <summary>
    /// Starts <paramref name="program"/> (looked up on PATH) with <paramref name="arguments"/>.
    /// Stdin is redirected and closed at once (after <paramref name="standardInput"/>, when given) so no
    /// peer waits for a keypress or steals the test host's terminal.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program is not installed; the message says how to install it.</exception>
    public static PeerProcess Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var path = PeerRequirement.Require(program);
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var variable in environment ?? new Dictionary<string, string?>())
        {
            // A null value removes a variable the test host has.
            info.Environment[variable.Key] = variable.Value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(process, program);
        process.OutputDataReceived += (_, e) => peer.OnLine(peer._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => peer.OnLine(peer._stderr, e.Data);
        process.Exited += (_, _) => peer._exited.TrySetResult(true);
        process.Start();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The last <see cref="TailLines"/> lines of standard error, for failure messages.</summary>
    public string StandardErrorTail()
    {
        lock (_gate)
        {
            return _stderr.ToString();
        }
    }

    /// <summary>The last <see cref="TailLines"/> lines of standard output.</summary>
    public string StandardOutputTail()
    {
        lock (_gate)
        {
            return _stdout.ToString();
        }
    }

    /// <summary>
    /// Waits for the process to exit and for its output to be fully read, then returns its exit code.
    /// On timeout the whole process tree is killed and a TimeoutException carries the tail of stderr.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            await _outputClosed.Task.WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException(
                $"{Name} (pid {_process.Id}) did not exit within {timeout.TotalSeconds:0.#} s; killed. stderr tail:\n{StandardErrorTail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>
    /// Completes when a line of stdout or stderr satisfies <paramref name="line"/>, including lines
    /// already printed (within the kept tail). Fails at once if the process closes its output first,
    /// and with TimeoutException (carrying the stderr tail) after <paramref name="timeout"/>. With
    /// <paramref name="after"/>, a line printed before a stream's last line that satisfies it does not
    /// count: a restart's "listening" line, not the first start's.
    /// </summary>
    /// <returns>The matching line.</returns>
    public async Task<string> WaitForOutputAsync(Func<string, bool> line, TimeSpan timeout, Func<string, bool>? after = null)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earlier = Since(_stdout, after).Concat(Since(_stderr, after)).FirstOrDefault(line);
            if (earlier is not null)
            {
                return earlier;
            }

            if (_openStreams == 0)
            {
                throw new InvalidOperationException(ExitedBeforeMessage());
            }

            _waiters.Add((line, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Seen == seen);
            }

            throw new TimeoutException(
                $"{Name} (pid {_process.Id}) did not print the expected line within {timeout.TotalSeconds:0.#} s. stderr tail:\n{StandardErrorTail()}");
        }
    }

    private static IEnumerable<string> Since(OutputTail tail, Func<string, bool>? after)
    {
        var lines = tail.Lines();
        var last = -1;
        for (var i = 0; after is not null && i < lines.Count; i++)
        {
            if (after(lines[i]))
            {
                last = i;
            }
        }

        return lines.Skip(last + 1);
    }

    /// <summary>Kills the process and everything it started; harmless if it already exited.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: the goal is reached.
        }
    }

    /// <summary>Kills the tree if still running and waits briefly so no zombie or open file outlives the test.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGKILL was sent; a process the kernel has not reaped in 10 s is beyond our control.
        }

        _process.Dispose();
    }

    private void OnLine(OutputTail tail, string? text)
    {
        List<TaskCompletionSource<string>>? matched = null;
        List<TaskCompletionSource<string>>? orphaned = null;
        string? failure = null;
        lock (_gate)
        {
            if (text is null)
            {
                // End of one stream; when both are closed nothing more can match.
                if (--_openStreams == 0)
                {
                    orphaned = _waiters.Select(w => w.Seen).ToList();
                    _waiters.Clear();
                    failure = ExitedBeforeMessage();
                    _outputClosed.TrySetResult(true);
                }
            }
            else
            {
                tail.Add(text);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Match(text))
                    {
                        (matched ??= new()).Add(_waiters[i].Seen);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }

        // Completed outside the lock: continuations are asynchronous anyway, but keep the lock short.
        matched?.ForEach(t => t.TrySetResult(text!));
        orphaned?.ForEach(t => t.TrySetException(new InvalidOperationException(failure)));
    }

    private string ExitedBeforeMessage() =>
        $"{Name} (pid {_process.Id}) closed its output before printing the expected line. stderr tail:\n{_stderr}";
}
