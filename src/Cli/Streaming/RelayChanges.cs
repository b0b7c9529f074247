using System.Collections.Generic;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>What applying a list of streams did, by name only (definitions hold keys).</summary>
    internal sealed record RelayChanges(IReadOnlyList<string> Started, IReadOnlyList<string> Restarted, IReadOnlyList<string> Stopped, int Unchanged)
    {
        public override string ToString()
        {
            var parts = new List<string>();
            if (Started.Count > 0)
            {
                parts.Add("started " + string.Join(", ", Started));
            }

            if (Restarted.Count > 0)
            {
                parts.Add("restarted " + string.Join(", ", Restarted));
            }

            if (Stopped.Count > 0)
            {
                parts.Add("stopped " + string.Join(", ", Stopped));
            }

            parts.Add(Unchanged + " unchanged");
            return string.Join("; ", parts);
        }
    }
}
