using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Decides, frame by frame, whether a player's queued frames go out now or wait for more. On a
    /// stream with many players the frames gather until <see cref="PlayerQueuePolicy.MergedWriteBytes"/>
    /// are waiting or the oldest has waited <see cref="PlayerQueuePolicy.MergedWriteMilliseconds"/>
    /// of media, then go out in one write: a fraction of the syscalls, for a delay that shrinks as
    /// the bitrate grows. Streams with few players send every frame at once.
    /// </summary>
    internal sealed class MergedWriteGate
    {
        private readonly PlayerQueuePolicy _policy;
        private long _waiting;
        private uint _lastFlush;

        public MergedWriteGate(PlayerQueuePolicy policy)
        {
            _policy = policy;
        }

        /// <summary>Whether a frame of <paramref name="bytes"/> at <paramref name="timestamp"/> may wait, on a stream of <paramref name="players"/>.</summary>
        public bool MayWait(uint timestamp, int bytes, int players)
            => _policy.MergedWriteBytes > 0
               && _waiting + bytes < _policy.MergedWriteBytes
               && players >= _policy.MergeWritesFromPlayers
               && (uint)RtmpTime.Delta(timestamp, _lastFlush) < (uint)_policy.MergedWriteMilliseconds;

        /// <summary>Records a write: a flushing one takes everything waiting before it along.</summary>
        public void Wrote(uint timestamp, int bytes, bool flush)
        {
            if (flush)
            {
                _waiting = 0;
                _lastFlush = timestamp;
            }
            else
            {
                _waiting += bytes;
            }
        }
    }
}
