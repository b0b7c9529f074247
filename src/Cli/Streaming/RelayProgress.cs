using System;
using System.Threading;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Where a stream run in this process stands: its state and what it sent. Written by the run,
    /// read by the report writer and the foreground log.
    /// </summary>
    internal sealed class RelayProgress
    {
        private readonly object _gate = new object();
        private StreamerState _state = StreamerState.Starting;
        private string? _reason;
        private DateTimeOffset? _streamingSince;
        private long _bytes;
        private long _video;
        private long _audio;

        /// <summary>Raised on every change of state or reason, on the thread that made it.</summary>
        public event Action<StreamerState, string?>? StateChanged;

        public StreamerState State
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        public string? Reason
        {
            get
            {
                lock (_gate)
                {
                    return _reason;
                }
            }
        }

        public DateTimeOffset? StreamingSince
        {
            get
            {
                lock (_gate)
                {
                    return _streamingSince;
                }
            }
        }

        public long BytesSent => Interlocked.Read(ref _bytes);

        public long VideoFrames => Interlocked.Read(ref _video);

        public long AudioFrames => Interlocked.Read(ref _audio);

        public void SetState(StreamerState state, string? reason = null)
        {
            lock (_gate)
            {
                if (_state == state && _reason == reason)
                {
                    return;
                }

                _state = state;
                _reason = reason;
                _streamingSince = state == StreamerState.Streaming ? _streamingSince ?? DateTimeOffset.UtcNow : null;
            }

            StateChanged?.Invoke(state, reason);
        }

        public void Sent(int bytes, bool video, bool audio)
        {
            Interlocked.Add(ref _bytes, bytes);
            if (video)
            {
                Interlocked.Increment(ref _video);
            }
            else if (audio)
            {
                Interlocked.Increment(ref _audio);
            }
        }
    }
}
