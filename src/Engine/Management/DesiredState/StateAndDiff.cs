using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// What test and set answer, as a DSC manifest's "stateAndDiff" return kind has them: the state, and
    /// the properties that differ (test) or were changed (set). The resource says what differs because only
    /// it can: dsc cannot compare a write-only key it never reads back, nor a secure value.
    /// </summary>
    public sealed class StateAndDiff
    {
        /// <summary>Wraps the state and the JSON names of the properties.</summary>
        public StateAndDiff(JsonObject state, IReadOnlyList<string> diff)
        {
            State = state;
            Diff = diff;
        }

        /// <summary>The actual state (test, with <c>_inDesiredState</c>) or the state after (set).</summary>
        public JsonObject State { get; }

        /// <summary>The given properties not as desired (test), or those the set changed.</summary>
        public IReadOnlyList<string> Diff { get; }

        /// <summary>The diff as the JSON array a second output line carries.</summary>
        public JsonArray DiffJson() => new JsonArray(Diff.Select(d => (JsonNode)d).ToArray());
    }
}
