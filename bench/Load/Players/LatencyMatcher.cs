using RtmpXProtect.Bench.Load.Publishing;

namespace RtmpXProtect.Bench.Load.Players;

/// <summary>
/// Matches a player's video messages to the publisher's sends. The offset between the player's
/// timestamps and the publisher's is fixed once three messages in a row agree on it by length;
/// after that every message is matched by timestamp alone.
/// </summary>
internal sealed class LatencyMatcher
{
    private const int Agreements = 3;

    private readonly SendLog _log;
    private uint _offset;
    private bool _known;
    private uint _candidate;
    private int _agreed;

    public LatencyMatcher(SendLog log)
    {
        _log = log;
    }

    /// <summary>Returns the send time of the message the player received, or false while unknown.</summary>
    public bool TryMatch(uint timestamp, int length, out long sentTicks)
    {
        sentTicks = 0;
        if (!_known)
        {
            if (!_log.TryGetLatestTimestamp(length, out var published))
            {
                _agreed = 0;
                return false;
            }

            var candidate = unchecked(published - timestamp);
            _agreed = candidate == _candidate ? _agreed + 1 : 1;
            _candidate = candidate;
            if (_agreed < Agreements)
            {
                return false;
            }

            _offset = candidate;
            _known = true;
        }

        return _log.TryGetSentAt(unchecked(timestamp + _offset), out sentTicks);
    }
}
