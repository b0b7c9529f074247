using System.Collections.Concurrent;

namespace RtmpXProtect.Bench.Load.Publishing;

/// <summary>
/// When the publisher handed each video message to its socket, keyed by timestamp, and the
/// latest timestamp sent for each message length. Servers may rebase timestamps per player
/// (nginx-rtmp without atc starts every player at 0), so a player first learns its offset by
/// matching lengths, then matches every message by timestamp.
/// </summary>
internal sealed class SendLog
{
    private readonly ConcurrentDictionary<uint, long> _sentAt = new();
    private readonly ConcurrentDictionary<int, uint> _byLength = new();

    public void Record(uint timestamp, int length, long ticks)
    {
        _sentAt[timestamp] = ticks;
        _byLength[length] = timestamp;
    }

    public bool TryGetSentAt(uint timestamp, out long ticks) => _sentAt.TryGetValue(timestamp, out ticks);

    public bool TryGetLatestTimestamp(int length, out uint timestamp) => _byLength.TryGetValue(length, out timestamp);
}
