using System;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// The token the Recording Servers accept (SOAP Login's <c>Token</c>), with when it stops
    /// being valid. The OAuth access token is refused by the ImageServer ("Security token
    /// invalid", OLF), so this is the one an ImageServer connection carries.
    /// </summary>
    public sealed class RecorderToken
    {
        /// <summary>Creates a token.</summary>
        public RecorderToken(string value, DateTimeOffset expires)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Expires = expires;
        }

        /// <summary>The token; never shown.</summary>
        public string Value { get; }

        /// <summary>When the recorder stops accepting it.</summary>
        public DateTimeOffset Expires { get; }

        /// <inheritdoc />
        public override string ToString() => $"recorder token until {Expires:u}";
    }
}
