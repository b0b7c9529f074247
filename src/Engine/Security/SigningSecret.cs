using System.IO;
using System.Text;

namespace RtmpXProtect.Engine.Security
{
    /// <summary>
    /// The secret signed URLs are made and checked with: the UTF-8 bytes of a file's text or an
    /// environment variable's value, without surrounding whitespace (so a trailing newline from
    /// `echo` or an editor does not change it).
    /// </summary>
    public static class SigningSecret
    {
        /// <summary>The secret's bytes; null with <paramref name="error"/> (naming <paramref name="what"/>, never the value) when it cannot be read or is empty.</summary>
        /// <param name="file">The file holding it.</param>
        /// <param name="environmentVariable">The variable holding it, when no file is given.</param>
        /// <param name="error">Why there is no secret.</param>
        /// <param name="what">What the secret is for, in the messages: "signing secret", "hooks.webhooks[0] secret".</param>
        public static byte[]? Read(FileInfo? file, string? environmentVariable, out string? error, string what = "signing secret")
        {
            error = null;
            string? text;
            try
            {
                text = SecretSource.Read(file, environmentVariable, what);
            }
            catch (CertificateLoadException e)
            {
                error = e.Message;
                return null;
            }

            if (text == null)
            {
                error = $"Give the {what} with --secret-file FILE or --secret-env NAME.";
                return null;
            }

            text = text.Trim();
            if (text.Length == 0)
            {
                error = $"The {what} is empty.";
                return null;
            }

            return Encoding.UTF8.GetBytes(text);
        }
    }
}
