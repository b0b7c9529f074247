using System.Collections.Generic;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// The last lines a peer printed. Bounded because ffmpeg prints a progress line several times
/// a second and a long run must not grow memory; failures only need the end anyway.
/// Not thread-safe: <see cref="PeerProcess"/> guards it with its own lock.
/// </summary>
internal sealed class OutputTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    public OutputTail(int capacity) => _capacity = capacity;

    public void Add(string line)
    {
        if (_lines.Count == _capacity)
        {
            _lines.Dequeue();
        }

        _lines.Enqueue(line);
    }

    public IReadOnlyList<string> Lines() => _lines.ToArray();

    public override string ToString() => string.Join("\n", _lines);
}
