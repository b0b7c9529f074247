using System;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>A desired state that cannot be applied as given: wrong JSON, a rule broken, a value out of range. Never holds a secret.</summary>
    public sealed class ResourceInputException : Exception
    {
        /// <summary>Creates the exception with a message that names the property.</summary>
        public ResourceInputException(string message)
            : base(message)
        {
        }
    }
}
