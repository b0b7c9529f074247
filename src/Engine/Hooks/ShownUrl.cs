using System;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>A URL as logs may show it: user info and query dropped, as either may hold a token.</summary>
    internal static class ShownUrl
    {
        public static string Of(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
