using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// A <c>methodresponse</c>: the answer to connect, connectupdate, live, stop, or any request
    /// the recorder refused. Its flat child elements are kept by lower-case name.
    /// </summary>
    public sealed class MethodResponse : ImageServerMessage
    {
        private readonly IReadOnlyDictionary<string, string> _fields;

        /// <summary>Creates a response from its child elements (names lower-case).</summary>
        public MethodResponse(IReadOnlyDictionary<string, string> fields)
        {
            _fields = fields ?? throw new ArgumentNullException(nameof(fields));
        }

        /// <summary>The request answered, when the recorder said.</summary>
        public long? RequestId => long.TryParse(Field("requestid"), out var id) ? id : (long?)null;

        /// <summary>The method answered, lower-case.</summary>
        public string MethodName => (Field("methodname") ?? string.Empty).ToLowerInvariant();

        /// <summary><c>connected</c> = yes (connect and connectupdate).</summary>
        public bool Connected => string.Equals(Field("connected"), "yes", StringComparison.OrdinalIgnoreCase);

        /// <summary>The recorder's reason for refusing, or null.</summary>
        public string? ErrorReason => Field("errorreason");

        /// <summary>A child element's text, or null when absent.</summary>
        public string? Field(string name) => _fields.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
    }
}
