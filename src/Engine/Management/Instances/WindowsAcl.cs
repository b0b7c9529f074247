using System;
using System.Linq;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// The ACL of a new instance root on Windows, set with icacls (on every Windows, and no package the
    /// engine would have to carry into Windows PowerShell): inheritance removed; SYSTEM (S-1-5-18) and
    /// Administrators (S-1-5-32-544) full control; Users (S-1-5-32-545) read and execute on bin/ only, so
    /// keys and certificates are theirs alone and no user can replace the program the service runs.
    /// </summary>
    internal static class WindowsAcl
    {
        public static void Restrict(string root, string bin)
        {
            Run(root, "/inheritance:r", "/grant:r", "*S-1-5-18:(OI)(CI)F", "*S-1-5-32-544:(OI)(CI)F");
            Run(bin, "/grant", "*S-1-5-32-545:(OI)(CI)RX");
        }

        private static void Run(string path, params string[] arguments)
        {
            var (exitCode, error) = SystemTool.Run("icacls", new[] { path }.Concat(arguments), TimeSpan.FromSeconds(60));
            if (exitCode != 0)
            {
                throw new ResourceOperationException($"icacls {path} failed (exit {exitCode}): {error.Trim()}") { AccessDenied = exitCode == 5 };
            }
        }
    }
}
