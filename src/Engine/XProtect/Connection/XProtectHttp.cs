using System;
using System.Net.Http;
using System.Net.Security;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>The HTTP client every XProtect request goes through: certificate policy, Negotiate credentials, timeout.</summary>
    internal static class XProtectHttp
    {
        /// <summary>The largest answer read from the management server.</summary>
        public const int MaxAnswerBytes = 8 * 1024 * 1024;

        public static HttpClient Create(XProtectServerOptions options)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            if (options.AllowUntrustedCertificate)
            {
                // Only when the configuration says so: a lab server with a self-signed certificate.
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }
            else
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None;
            }

            var credentials = options.WindowsCredentials;
            if (credentials != null)
            {
                handler.Credentials = credentials;
                handler.PreAuthenticate = false;
            }

            // Discovery, tokens, Login and a page of 500 cameras are each well under this; a server that sends more is refused.
            return new HttpClient(handler, disposeHandler: true) { Timeout = options.RequestTimeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        }

        // What went wrong in words, with the server and without the request's secrets.
        public static XProtectException Unreachable(XProtectServerOptions options, string what, Exception e)
        {
            var reason = e is TaskCanceledException ? $"no answer within {options.RequestTimeout.TotalSeconds:0} s" : Innermost(e);
            return new XProtectException($"XProtect server {options.ShownServer}: {what} failed: {reason}.", e);
        }

        private static string Innermost(Exception e)
        {
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e.Message.TrimEnd('.');
        }
    }
}
