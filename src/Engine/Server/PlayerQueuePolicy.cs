namespace RtmpXProtect.Engine.Server
{
    /// <summary>How far a player may fall behind before frames are dropped, then before it is cut off.</summary>
    public sealed class PlayerQueuePolicy
    {
        /// <summary>
        /// Queued bytes past which the player skips to the next keyframe. Default 2 MiB: about
        /// 8 s of a 2 Mbps stream, so a brief stall costs nothing, a lasting one costs a GOP.
        /// </summary>
        public long SkipAboveBytes { get; set; } = 2 * 1024 * 1024;

        /// <summary>
        /// Queued bytes past which the player is disconnected. Default 16 MiB: even keyframes do
        /// not drain, so the peer is not reading.
        /// </summary>
        public long DisconnectAboveBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>
        /// Keyframes in a row that a skipping player may miss before it is disconnected: a player
        /// that stays behind for this many GOPs will not catch up.
        /// </summary>
        public int MaxKeyFramesSkipped { get; set; } = 3;

        /// <summary>
        /// Bytes a player's frames gather to before they go out in one write, on streams with at
        /// least <see cref="MergeWritesFromPlayers"/> players. Default 16 KiB: about 65 ms of a 2 Mbps
        /// stream and a keyframe at once, so a busy stream costs a send per player every few frames,
        /// and the delay shrinks as the bitrate grows. 0 sends every frame at once.
        /// </summary>
        public int MergedWriteBytes { get; set; } = 16 * 1024;

        /// <summary>
        /// The longest a merged frame waits, in media time, however few bytes came after it.
        /// Default 100 ms: a low-bitrate stream is not held back by <see cref="MergedWriteBytes"/>.
        /// (A fixed 200 ms window halved fan-out CPU, but doubled the latency at 1000 players.)
        /// </summary>
        public int MergedWriteMilliseconds { get; set; } = 100;

        /// <summary>
        /// Players a stream must have before writes are merged. Default 100: below that the
        /// syscalls cost little and every frame goes out at once, for the lowest latency.
        /// </summary>
        public int MergeWritesFromPlayers { get; set; } = 100;
    }
}
