using System;
using System.IO;
using System.Text;

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
            string? text = null;
            if (file != null)
            {
                try
                {
                    text = File.ReadAllText(file.FullName);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    error = $"Cannot read the secret file {file.FullName}: {e.Message}";
                    return null;
                }
            }
            else if (environmentVariable != null)
            {
                text = Environment.GetEnvironmentVariable(environmentVariable);
                if (text == null)
                {
                    error = $"The environment variable {environmentVariable} is not set.";
                    return null;
                }
            }
            else
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
