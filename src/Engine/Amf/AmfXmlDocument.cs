using System;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// An XML document carried as text (AMF0 0x0F, AMF3 0x07 and 0x0B). It is a type of its own,
    /// not a plain string, so writing it back uses the XML marker the peer sent.
    /// </summary>
    public sealed class AmfXmlDocument : IEquatable<AmfXmlDocument>
    {
        /// <summary>Wraps XML text; the text is not parsed or validated.</summary>
        public AmfXmlDocument(string xml)
        {
            Xml = xml ?? throw new ArgumentNullException(nameof(xml));
        }

        /// <summary>The XML text as it was on the wire.</summary>
        public string Xml { get; }

        /// <summary>Two documents are equal when their text is ordinally equal.</summary>
        public bool Equals(AmfXmlDocument? other) => other is not null && string.Equals(Xml, other.Xml, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as AmfXmlDocument);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Xml);

        /// <inheritdoc />
        public override string ToString() => Xml;
    }
}
