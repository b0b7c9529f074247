using System;
using System.Globalization;
using System.Security;
using System.Text;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// The method calls a client sends an ImageServer, each one line of XML ended by CRLFCRLF,
    /// with the element names of Milestone's public TcpVideoViewer sample (TVV) and go2rtc's
    /// client (WIP). Values are XML-escaped; the token appears only inside connectparam.
    /// </summary>
    public static class ImageServerRequests
    {
        /// <summary>
        /// <c>connect</c> in the camera's native codec (alwaysstdjpeg no), asking for one GOP per
        /// reply when <paramref name="multipart"/>. The user name and password fields are the
        /// fixed "a" of TVV: the recorder authenticates by the connection token.
        /// </summary>
        public static byte[] Connect(long requestId, Guid cameraId, string token, bool multipart) =>
            Call(requestId, "connect",
                "<username>a</username><password>a</password>"
                + "<cameraid>" + cameraId.ToString("D") + "</cameraid>"
                + "<alwaysstdjpeg>no</alwaysstdjpeg>"
                + ConnectParam(cameraId, token)
                + "<clientcapabilities><privacymask>no</privacymask><multipartdata>" + (multipart ? "yes" : "no") + "</multipartdata><datarestriction>no</datarestriction></clientcapabilities>");

        /// <summary><c>connectupdate</c>: hands an open socket the refreshed token (TVV).</summary>
        public static byte[] ConnectUpdate(long requestId, Guid cameraId, string token) =>
            Call(requestId, "connectupdate", ConnectParam(cameraId, token));

        /// <summary><c>live</c>: pictures as the camera sends them, until <see cref="Stop"/>.</summary>
        public static byte[] Live(long requestId) =>
            Call(requestId, "live", "<compressionrate>90</compressionrate><sendinitialimage>no</sendinitialimage>");

        /// <summary><c>stop</c>: ends live.</summary>
        public static byte[] Stop(long requestId) => Call(requestId, "stop", string.Empty);

        /// <summary><c>goto</c>: the recording at <paramref name="time"/> (all frames, not key frames only).</summary>
        public static byte[] Goto(long requestId, DateTimeOffset time) =>
            Call(requestId, "goto", "<time>" + time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "</time><keyframesonly>no</keyframesonly>");

        /// <summary><c>next</c>: the reply after the last one.</summary>
        public static byte[] Next(long requestId) => Call(requestId, "next", string.Empty);

        private static string ConnectParam(Guid cameraId, string token)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException("A connection token is needed.", nameof(token));
            }

            return "<connectparam>" + SecurityElement.Escape("id=" + cameraId.ToString("D") + "&connectiontoken=" + token) + "</connectparam>";
        }

        private static byte[] Call(long requestId, string method, string parameters) =>
            Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodcall><requestid>"
                + requestId.ToString(CultureInfo.InvariantCulture)
                + "</requestid><methodname>" + method + "</methodname>" + parameters + "</methodcall>\r\n\r\n");
    }
}
