using System;
using System.Collections.Generic;
using System.Threading;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>How many connections were refused or closed for each <see cref="RejectionReason"/>, since the server was made.</summary>
    public sealed class RejectionCounters
    {
        private static readonly RejectionReason[] Reasons = (RejectionReason[])Enum.GetValues(typeof(RejectionReason));
        private readonly long[] _counts = new long[Reasons.Length];

        /// <summary>The count for one reason.</summary>
        public long this[RejectionReason reason] => Interlocked.Read(ref _counts[(int)reason]);

        /// <summary>Every reason with its count; each count is read atomically, the set is not one instant.</summary>
        public IReadOnlyDictionary<RejectionReason, long> Snapshot()
        {
            var snapshot = new Dictionary<RejectionReason, long>(Reasons.Length);
            foreach (var reason in Reasons)
            {
                snapshot[reason] = this[reason];
            }

            return snapshot;
        }

        internal void Increment(RejectionReason reason) => Interlocked.Increment(ref _counts[(int)reason]);
    }
}
