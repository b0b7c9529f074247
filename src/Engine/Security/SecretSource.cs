using System;
using System.IO;

namespace RtmpXProtect.Engine.Security
{
    /// <summary>
    /// Where a password comes from: a file or an environment variable, never the command line, where
    /// `ps` and shell history would show it to everyone on the machine.
    /// </summary>
    public static class SecretSource
    {
        /// <summary>The secret in <paramref name="file"/> (one trailing line break dropped) or in the variable <paramref name="variable"/>; null when neither is given.</summary>
        /// <param name="file">The file holding it.</param>
        /// <param name="variable">The environment variable holding it.</param>
        /// <param name="what">What it is, for messages ("password", "signing secret"); the messages never hold the secret.</param>
        /// <exception cref="CertificateLoadException">The file cannot be read or the variable is not set.</exception>
        public static string? Read(FileInfo? file, string? variable, string what = "password")
        {
            if (file != null && variable != null)
            {
                throw new CertificateLoadException($"Give the {what} in a file or in an environment variable, not both.");
            }

            if (file != null)
            {
                try
                {
                    return File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CertificateLoadException($"Cannot read the {what} file {file.FullName}: {e.Message}");
                }
            }

            if (variable != null)
            {
                return Environment.GetEnvironmentVariable(variable) ?? throw new CertificateLoadException($"The environment variable {variable} is not set.");
            }

            return null;
        }
    }
}
