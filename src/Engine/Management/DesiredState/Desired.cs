using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// A desired state: the model with the properties the caller gave. Only those are tested and set;
    /// a property left out is left as it is (which is not the same as one given as null, "off").
    /// </summary>
    /// <typeparam name="T">The resource model.</typeparam>
    public sealed class Desired<T>
        where T : class
    {
        private readonly HashSet<string> _given;

        /// <summary>Wraps <paramref name="value"/> whose properties named in <paramref name="given"/> (JSON names) were given.</summary>
        public Desired(T value, IEnumerable<string> given)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
            _given = new HashSet<string>(given, StringComparer.Ordinal);
        }

        /// <summary>The values, the given ones and defaults for the others.</summary>
        public T Value { get; }

        /// <summary>Whether the property with this JSON name was given.</summary>
        public bool Given(string name) => _given.Contains(name);
    }
}
