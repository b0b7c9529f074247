using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>How test compares a list property: as a set, as DSC compares arrays (order and repeats do not count).</summary>
    internal static class Compare
    {
        public static bool SameSet(IEnumerable<string> a, IEnumerable<string> b, StringComparer? comparer = null)
            => new HashSet<string>(a, comparer ?? StringComparer.Ordinal).SetEquals(b);
    }
}
