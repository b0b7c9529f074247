using System;
using System.Globalization;
using System.Linq;

namespace RtmpXProtect.Engine.Tests.Amf
{
    /// <summary>Byte vectors written the way the specifications print them: "00 3F F0 ...".</summary>
    internal static class Hex
    {
        public static byte[] Bytes(string hex) =>
            hex.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)
               .Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
               .ToArray();

        public static string Of(byte[] bytes) => string.Join(" ", bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
    }
}
