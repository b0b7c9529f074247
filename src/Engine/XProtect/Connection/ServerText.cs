using System.Text.RegularExpressions;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// Text a server sent (a SOAP fault, an OAuth error, an ImageServer errorreason) made fit for a
    /// message: tokens it may echo are masked and it is cut to a line's length.
    /// </summary>
    internal static class ServerText
    {
        private const int MaxLength = 200;

        // Recorder tokens (TOKEN#guid#host//ServerConnector#…) and JWTs (three base64url parts, eyJ…).
        private static readonly Regex Tokens = new Regex(@"TOKEN#\S*|eyJ[\w-]*(\.[\w-]*)*", RegexOptions.CultureInvariant);

        public static string? Shown(string? text)
        {
            if (text == null)
            {
                return null;
            }

            var masked = Tokens.Replace(text.Trim(), "****");
            return masked.Length <= MaxLength ? masked : masked.Substring(0, MaxLength) + "…";
        }
    }
}
