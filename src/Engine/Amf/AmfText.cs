using System;
using System.Text;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// UTF-8 for AMF strings. Decoding is lenient: invalid bytes become U+FFFD instead of failing,
    /// because encoders put Latin-1 titles into onMetaData and one bad byte must not drop a live
    /// stream. Encoding replaces lone surrogates the same way.
    /// </summary>
    internal static class AmfText
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        public static string Decode(ReadOnlySpan<byte> bytes)
        {
            // netstandard2.0 has no span overload of GetString, and unsafe code is off in this project.
            return bytes.IsEmpty ? string.Empty : Utf8.GetString(bytes.ToArray());
        }

        public static byte[] Encode(string text) => Utf8.GetBytes(text);
    }
}
