using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// A configuration that cannot be used: every problem found, each naming the key and the rule
    /// ("line 4: limits.maxConnections must be 1–100000"). Values are never quoted, as keys are secrets.
    /// </summary>
    public sealed class RtmpxConfigException : Exception
    {
        /// <summary>Creates the exception from the problems found.</summary>
        public RtmpxConfigException(IReadOnlyList<string> errors)
            : base(string.Join(Environment.NewLine, errors))
        {
            Errors = errors;
        }

        /// <summary>One line per problem, in file order where lines are known.</summary>
        public IReadOnlyList<string> Errors { get; }
    }
}
