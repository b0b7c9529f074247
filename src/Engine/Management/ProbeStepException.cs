using System;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>A probe step failed for a reason the probe words itself (no key in it); it ends as the result's error.</summary>
    internal sealed class ProbeStepException : Exception
    {
        public ProbeStepException(string message)
            : base(message)
        {
        }
    }
}
