using System;
using System.Runtime.CompilerServices;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// Marks a property of a resource model as a property of the DSC resource, with what its JSON
    /// Schema says of it. The schema, the parsing of input and the writing of output are all made
    /// from these, so the manifest and the code cannot disagree.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class ResourcePropertyAttribute : Attribute
    {
        /// <summary>Declares the property by its JSON name (camelCase, or a canonical "_exist").</summary>
        /// <param name="name">The JSON name.</param>
        /// <param name="description">What the schema says of it.</param>
        /// <param name="line">Left to the compiler: where the property is declared, which orders the properties in schemas and output.</param>
        public ResourcePropertyAttribute(string name, string description, [CallerLineNumber] int line = 0)
        {
            Name = name;
            Description = description;
            Line = line;
        }

        /// <summary>The JSON property name.</summary>
        public string Name { get; }

        /// <summary>What the property means, for the schema and help.</summary>
        public string Description { get; }

        /// <summary>The line the property is declared on: declaration order, which reflection does not promise (and a natively compiled binary has no metadata tokens to recover it).</summary>
        public int Line { get; }

        /// <summary>Identifies the instance; required in every input.</summary>
        public bool Key { get; set; }

        /// <summary>Reported, never set (version, thumbprint).</summary>
        public bool ReadOnly { get; set; }

        /// <summary>Taken as input, never reported (a package to install, a key, a password).</summary>
        public bool WriteOnly { get; set; }

        /// <summary>
        /// A secret (a key, a password, a URL with a stream key), write-only too. dsc 3.2 passes the value
        /// of a secureString parameter as {"secureString": "…"} and of a secureObject as
        /// {"secureObject": …} (lib/dsc-lib/src/functions/parameters.rs), so both forms are taken here.
        /// </summary>
        public bool Secret { get; set; }

        /// <summary>Null is a value of its own ("off"), distinct from leaving the property out.</summary>
        public bool Nullable { get; set; }

        /// <summary>A regular expression every string value must match (anchored by its author).</summary>
        public string? Pattern { get; set; }

        /// <summary>What <see cref="Pattern"/> means, in words, for errors ("ADDRESS:PORT, such as \"0.0.0.0:1935\"").</summary>
        public string? Form { get; set; }

        /// <summary>The smallest value of an integer property.</summary>
        public int Minimum { get; set; } = int.MinValue;

        /// <summary>The largest value of an integer property.</summary>
        public int Maximum { get; set; } = int.MaxValue;
    }
}
