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
        /// Media a player's frames gather for before they go out in one write, on streams with at
        /// least <see cref="MergeWritesFromPlayers"/> players. Default 200 ms: one send per player
        /// every 200 ms instead of about 30 cuts fan-out CPU by half, and players buffer a second or
        /// more. 0 sends every frame at once.
        /// </summary>
        public int MergedWriteMilliseconds { get; set; } = 200;

        /// <summary>
        /// Players a stream must have before writes are merged. Default 100: below that the
        /// syscalls cost little and every frame goes out at once, for the lowest latency.
        /// </summary>
        public int MergeWritesFromPlayers { get; set; } = 100;
    }
}
