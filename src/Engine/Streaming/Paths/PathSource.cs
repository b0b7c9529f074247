using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Streaming.Sources;
using Serilog;

namespace RtmpXProtect.Engine.Streaming.Paths
{
    /// <summary>
    /// One path fed by its source: it publishes the source's frames into the hub as a publisher
    /// would (players over RTMP and RTSP, recording and events alike), reopens the source with
    /// backoff when it fails or ends, and, on demand, stops when the path has had no reader for
    /// <see cref="PathSourceOptions.CloseAfter"/>.
    /// </summary>
    internal sealed class PathSource
    {
        private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(250);
        private readonly RtmpServer _server;
        private readonly ILogger _log;
        private readonly object _gate = new object();
        private CancellationTokenSource? _running;
        private Task _loop = Task.CompletedTask;

        public PathSource(RtmpServer server, PathSourceOptions options, ILogger log)
        {
            _server = server;
            Options = options;
            _log = log.ForContext("Path", options.Path);
        }

        public PathSourceOptions Options { get; }

        public bool IsRunning
        {
            get
            {
                lock (_gate)
                {
                    return _running != null;
                }
            }
        }

        /// <summary>Starts the source unless it runs.</summary>
        public void Start()
        {
            lock (_gate)
            {
                if (_running != null)
                {
                    return;
                }

                var running = new CancellationTokenSource();
                _running = running;
                _loop = Task.Run(() => RunAsync(running));
            }
        }

        /// <summary>Stops the source and unpublishes the path.</summary>
        public Task StopAsync()
        {
            Task loop;
            lock (_gate)
            {
                _running?.Cancel();
                loop = _loop;
            }

            return loop;
        }

        private async Task RunAsync(CancellationTokenSource running)
        {
            var token = running.Token;
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random());
            var idle = Options.OnDemand ? WatchIdleAsync(running) : Task.CompletedTask;
            try
            {
                while (!token.IsCancellationRequested)
                {
                    await PublishOnceAsync(token, backoff).ConfigureAwait(false);
                    if (!token.IsCancellationRequested)
                    {
                        await Task.Delay(backoff.Next(), token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                lock (_gate)
                {
                    if (_running == running)
                    {
                        _running = null;
                    }
                }

                running.Cancel();
                await idle.ConfigureAwait(false);
                running.Dispose();
            }
        }

        private async Task PublishOnceAsync(CancellationToken token, ReconnectBackoff backoff)
        {
            var source = FrameSources.Create(Options.Source, new FrameSourceContext { Server = _server, Clock = new SystemPlaybackClock(), Limits = _server.Options.Limits, RtspTransport = Options.RtspTransport });
            LiveStream? stream = null;
            PublishTracker? tracker = null;
            try
            {
                await foreach (var frame in source.ReadAsync(token).ConfigureAwait(false))
                {
                    if (stream == null)
                    {
                        stream = _server.Hub.TryPublish(Options.Path, this);
                        if (stream == null)
                        {
                            _log.Warning("The source of {Path} waits: a publisher holds the path", Options.Path);
                            return;
                        }

                        _log.Information("Source of {Path} started: {Source}", Options.Path, source.Description);
                        tracker = new PublishTracker(_server, Options.Path, source.Description, 0);
                        backoff.Reset();
                    }

                    stream.Deliver(frame, _server.Options.Limits);
                    tracker!.OnFrame(frame);
                }

                _log.Information("Source of {Path} ended: {Source}", Options.Path, source.Description);
            }
            catch (FrameSourceException e)
            {
                _log.Warning("Source of {Path} failed: {Error}", Options.Path, e.Message);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // A bug or a peer no code here foresaw must not end the source for good: it is logged and retried.
                _log.Error(e, "Source of {Path} failed", Options.Path);
            }
            finally
            {
                if (stream != null)
                {
                    _server.Hub.Unpublish(stream, this);
                    tracker?.Stop(token.IsCancellationRequested ? "sourceStopped" : "sourceEnded");
                }

                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        // On demand: the path's readers are counted four times a second; none for CloseAfter stops the source.
        private async Task WatchIdleAsync(CancellationTokenSource running)
        {
            var idleSince = _server.Now;
            try
            {
                while (!running.IsCancellationRequested)
                {
                    await Task.Delay(IdleCheck, running.Token).ConfigureAwait(false);
                    var readers = _server.Hub.Find(Options.Path)?.PlayerCount ?? 0;
                    if (readers > 0)
                    {
                        idleSince = _server.Now;
                    }
                    else if (_server.Now - idleSince >= Options.CloseAfter)
                    {
                        _log.Information("Source of {Path} stops: no reader for {Seconds:0} s", Options.Path, Options.CloseAfter.TotalSeconds);
                        running.Cancel();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
