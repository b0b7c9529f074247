using System;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Linux: asks the kernel to send this helper SIGTERM when its parent dies, so a supervisor
    /// killed with SIGKILL leaves no helper streaming on. Backs up the stdin-closed rule of the
    /// report protocol, which needs the helper to be reading.
    /// </summary>
    internal static class ParentDeathSignal
    {
        private const int PrSetPdeathsig = 1;
        private const int SigTerm = 15;

        /// <summary>
        /// Asks for the signal; false when the parent is already gone (it died before the request,
        /// which the kernel would then never report) or the platform has no such thing.
        /// </summary>
        public static bool Request(int expectedParent)
        {
            if (!OperatingSystem.IsLinux())
            {
                return true;
            }

            if (prctl(PrSetPdeathsig, SigTerm, 0, 0, 0) != 0)
            {
                return true;
            }

            // Re-parented already: the parent died between our start and the prctl.
            return getppid() == expectedParent;
        }

        public static int ParentId() => OperatingSystem.IsLinux() ? getppid() : 0;

        [DllImport("libc", SetLastError = true)]
        private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

        [DllImport("libc")]
        private static extern int getppid();
    }
}
