using System;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// Takes SIGHUP back from an "ignore" inherited from the parent (nohup, some supervisors).
    /// .NET never runs a handler registered for a signal that was ignored when it was registered,
    /// so `serve` under nohup printed that it reloads on SIGHUP and then did not. nginx reloads on
    /// SIGHUP under nohup too: for a server with a configuration file, SIGHUP means reload.
    /// </summary>
    internal static class HangupDisposition
    {
        private const int SigHup = 1;
        private static readonly IntPtr SigIgn = new IntPtr(1);

        /// <summary>Resets SIGHUP to its default action when it is ignored; call just before registering a handler for it.</summary>
        public static void ReclaimIfIgnored()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                return;
            }

            // struct sigaction starts with the handler on Linux and macOS; 256 bytes hold the rest of either.
            var current = Marshal.AllocHGlobal(256);
            try
            {
                if (sigaction(SigHup, IntPtr.Zero, current) == 0 && Marshal.ReadIntPtr(current) == SigIgn)
                {
                    signal(SigHup, IntPtr.Zero);
                }
            }
            finally
            {
                Marshal.FreeHGlobal(current);
            }
        }

        [DllImport("libc")]
        private static extern int sigaction(int signal, IntPtr action, IntPtr previous);

        [DllImport("libc")]
        private static extern IntPtr signal(int signal, IntPtr handler);
    }
}
