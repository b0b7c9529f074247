using System;

namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>
    /// A stream or application name as a client sends it, split into the name and the query that
    /// encoders use to carry keys and tokens (<c>cam1?key=SECRET</c>). Only <see cref="Name"/> is
    /// fit for logs; the query may hold a secret.
    /// </summary>
    public readonly struct StreamName : IEquatable<StreamName>
    {
        /// <summary>Creates a name from its parts.</summary>
        public StreamName(string name, string query)
        {
            Name = name;
            Query = query;
        }

        /// <summary>The name without the query.</summary>
        public string Name { get; }

        /// <summary>The query without the '?', or empty. May hold a secret: never log it.</summary>
        public string Query { get; }

        /// <summary>Splits a name at the first '?'. A null or empty name gives an empty name.</summary>
        public static StreamName Parse(string? raw)
        {
            if (string.IsNullOrEmpty(raw))
            {
                return new StreamName(string.Empty, string.Empty);
            }

            var q = raw!.IndexOf('?');
            return q < 0 ? new StreamName(raw, string.Empty) : new StreamName(raw.Substring(0, q), raw.Substring(q + 1));
        }

        /// <summary>The name, with the query masked when there is one: fit for a log line.</summary>
        public override string ToString() => Query.Length == 0 ? Name : Name + "?****";

        /// <inheritdoc />
        public bool Equals(StreamName other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Query, other.Query, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is StreamName other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) ^ StringComparer.Ordinal.GetHashCode(Query);
    }
}
