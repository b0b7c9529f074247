using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>Writes JSON strings (netstandard2.0 has no System.Text.Json without a package).</summary>
    internal static class JsonText
    {
        public static void AppendString(StringBuilder into, string value)
        {
            into.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        into.Append("\\\"");
                        break;
                    case '\\':
                        into.Append("\\\\");
                        break;
                    case '\n':
                        into.Append("\\n");
                        break;
                    case '\r':
                        into.Append("\\r");
                        break;
                    case '\t':
                        into.Append("\\t");
                        break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029')
                        {
                            into.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            into.Append(c);
                        }

                        break;
                }
            }

            into.Append('"');
        }
    }
}
