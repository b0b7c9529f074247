using System;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// A set or delete that could not be carried out (a package that cannot be read, a service that
    /// will not start, a folder that cannot be written): what was running before keeps running. The
    /// message names the instance and what failed, never a secret.
    /// </summary>
    public sealed class ResourceOperationException : Exception
    {
        /// <summary>Creates the exception with a message fit for the operator.</summary>
        public ResourceOperationException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <summary>Whether it failed for want of permission (not root, not an administrator).</summary>
        public bool AccessDenied { get; set; }
    }
}
