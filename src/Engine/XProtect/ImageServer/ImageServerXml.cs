using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>Parses the XML replies of an ImageServer: methodresponse and livepackage, by local name.</summary>
    internal static class ImageServerXml
    {
        public static ImageServerMessage Parse(ReadOnlySpan<byte> document, ImageServerLimits limits)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = limits.MaxXmlBytes,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            };
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(document.ToArray(), writable: false), settings);
                reader.MoveToContent();
                switch (reader.LocalName.ToLowerInvariant())
                {
                    case "methodresponse":
                        return new MethodResponse(Fields(reader, limits));
                    case "livepackage":
                        return LivePackage(reader, limits);
                    default:
                        throw new ImageServerProtocolException("ImageServer XML reply is neither a methodresponse nor a livepackage.");
                }
            }
            catch (XmlException e)
            {
                // The XmlException text may quote the document, which may hold a token: say only where.
                throw new ImageServerProtocolException($"ImageServer XML reply is not well-formed (line {e.LineNumber}, position {e.LinePosition}).", e);
            }
        }

        // Every element's text by lower-case local name, the first occurrence winning.
        private static Dictionary<string, string> Fields(XmlReader reader, ImageServerLimits limits)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string? name = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    name = reader.LocalName.ToLowerInvariant();
                    if (fields.Count >= limits.MaxStatusItems)
                    {
                        throw new ImageServerProtocolException($"ImageServer methodresponse has more than {limits.MaxStatusItems} elements.");
                    }
                }
                else if ((reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA) && name != null && !fields.ContainsKey(name))
                {
                    fields.Add(name, reader.Value.Trim());
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    name = null;
                }
            }

            return fields;
        }

        private static LivePackage LivePackage(XmlReader reader, ImageServerLimits limits)
        {
            long? statusTime = null;
            var items = new Dictionary<int, long>();
            int seen = 0;
            reader.Read();
            while (!reader.EOF)
            {
                var name = reader.NodeType == XmlNodeType.Element ? reader.LocalName.ToLowerInvariant() : string.Empty;
                if (name == "statustime" && !reader.IsEmptyElement)
                {
                    // ReadElementContentAsString moves past the element itself: no Read() after it.
                    statusTime = long.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time) ? time : (long?)null;
                    continue;
                }

                if (name == "statusitem")
                {
                    if (++seen > limits.MaxStatusItems)
                    {
                        throw new ImageServerProtocolException($"ImageServer livepackage has more than {limits.MaxStatusItems} status items.");
                    }

                    if (int.TryParse(reader.GetAttribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        && long.TryParse(reader.GetAttribute("value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    {
                        items[id] = value;
                    }
                }

                reader.Read();
            }

            return new LivePackage(statusTime, items);
        }
    }
}
