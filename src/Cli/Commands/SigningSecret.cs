using System.IO;
using System.Text;
using RtmpXProtect.Cli.Certificates;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>
    /// The secret signed URLs are made and checked with: the UTF-8 bytes of a file's text or an
    /// environment variable's value, without surrounding whitespace (so a trailing newline from
    /// `echo` or an editor does not change it).
    /// </summary>
    internal static class SigningSecret
    {
        public static byte[]? Read(FileInfo? file, string? environmentVariable, out string? error)
        {
            error = null;
            string? text;
            try
            {
                text = SecretSource.Read(file, environmentVariable, "signing secret");
            }
            catch (CertificateLoadException e)
            {
                error = e.Message;
                return null;
            }

            if (text == null)
            {
                error = "Give the signing secret with --secret-file FILE or --secret-env NAME.";
                return null;
            }

            text = text.Trim();
            if (text.Length == 0)
            {
                error = "The signing secret is empty.";
                return null;
            }

            return Encoding.UTF8.GetBytes(text);
        }
    }
}
