using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// A socket's reads as value tasks over one reused <see cref="SocketAsyncEventArgs"/>. The
    /// netstandard2.0 <c>Socket.ReceiveAsync</c> returns a <see cref="Task{TResult}"/>, two objects
    /// for every read that waits: a publisher's reads wait for nearly every message, and those
    /// objects were most of what a server with 50 players allocated (sampled allocation events).
    /// One read at a time; a read's result is taken once, as a value task's must be.
    /// </summary>
    internal sealed class SocketReceiver : SocketAsyncEventArgs, IValueTaskSource<int>, IValueTaskSource
    {
        private readonly Socket _socket;
        private ManualResetValueTaskSourceCore<int> _core;

        public SocketReceiver(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>Reads into <paramref name="buffer"/>; 0 bytes means the peer closed.</summary>
        public ValueTask<int> ReceiveAsync(byte[] buffer, int offset, int count)
        {
            if (Start(buffer, offset, count))
            {
                return new ValueTask<int>(this, _core.Version);
            }

            return SocketError == SocketError.Success ? new ValueTask<int>(BytesTransferred) : new ValueTask<int>(Task.FromException<int>(Failure()));
        }

        /// <summary>Completes when data is there to read, or the peer closed, without holding a buffer (an empty read).</summary>
        public ValueTask WaitAsync()
        {
            if (Start(Array.Empty<byte>(), 0, 0))
            {
                return new ValueTask(this, _core.Version);
            }

            return SocketError == SocketError.Success ? default : new ValueTask(Task.FromException(Failure()));
        }

        // True when the read is pending; otherwise it completed at once and no completion event will come.
        private bool Start(byte[] buffer, int offset, int count)
        {
            _core.Reset();
            SetBuffer(buffer, offset, count);
            return _socket.ReceiveAsync(this);
        }

        private SocketException Failure() => new SocketException((int)SocketError);

        protected override void OnCompleted(SocketAsyncEventArgs e)
        {
            if (SocketError == SocketError.Success)
            {
                _core.SetResult(BytesTransferred);
            }
            else
            {
                _core.SetException(Failure());
            }
        }

        int IValueTaskSource<int>.GetResult(short token) => _core.GetResult(token);

        void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

        ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

        void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _core.OnCompleted(continuation, state, token, flags);

        ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _core.GetStatus(token);

        void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _core.OnCompleted(continuation, state, token, flags);
    }
}
