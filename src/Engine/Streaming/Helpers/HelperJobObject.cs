using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// Windows: a job object with KILL_ON_JOB_CLOSE holding every helper, so when the supervisor
    /// dies, however it dies, Windows closes the job and ends the helpers with it. Off Windows it
    /// is never made: Linux helpers ask for a parent-death signal instead.
    /// </summary>
    public sealed class HelperJobObject : IDisposable
    {
        private const int JobObjectExtendedLimitInformation = 9;
        private const uint JobObjectLimitKillOnJobClose = 0x2000;
        private readonly IntPtr _job;

        private HelperJobObject(IntPtr job) => _job = job;

        /// <summary>The job, or null off Windows or when Windows would not make one.</summary>
        public static HelperJobObject? Create()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            var job = CreateJobObject(IntPtr.Zero, null);
            if (job == IntPtr.Zero)
            {
                return null;
            }

            var info = new ExtendedLimitInformation { BasicLimitInformation = new BasicLimitInformation { LimitFlags = JobObjectLimitKillOnJobClose } };
            var size = Marshal.SizeOf<ExtendedLimitInformation>();
            var pointer = Marshal.AllocHGlobal(size);
            try
            {
                Marshal.StructureToPtr(info, pointer, false);
                SetInformationJobObject(job, JobObjectExtendedLimitInformation, pointer, (uint)size);
            }
            finally
            {
                Marshal.FreeHGlobal(pointer);
            }

            return new HelperJobObject(job);
        }

        /// <summary>Puts <paramref name="process"/> in the job, so it ends when the job closes.</summary>
        public void Add(Process process) => AssignProcessToJobObject(_job, process.Handle);

        /// <summary>Closes the job, which ends every helper still in it.</summary>
        public void Dispose() => CloseHandle(_job);

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr CreateJobObject(IntPtr attributes, string? name);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool SetInformationJobObject(IntPtr job, int infoClass, IntPtr info, uint length);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool AssignProcessToJobObject(IntPtr job, IntPtr process);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool CloseHandle(IntPtr handle);

        [StructLayout(LayoutKind.Sequential)]
        private struct BasicLimitInformation
        {
            public long PerProcessUserTimeLimit;
            public long PerJobUserTimeLimit;
            public uint LimitFlags;
            public UIntPtr MinimumWorkingSetSize;
            public UIntPtr MaximumWorkingSetSize;
            public uint ActiveProcessLimit;
            public UIntPtr Affinity;
            public uint PriorityClass;
            public uint SchedulingClass;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct IoCounters
        {
            public ulong ReadOperationCount;
            public ulong WriteOperationCount;
            public ulong OtherOperationCount;
            public ulong ReadTransferCount;
            public ulong WriteTransferCount;
            public ulong OtherTransferCount;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct ExtendedLimitInformation
        {
            public BasicLimitInformation BasicLimitInformation;
            public IoCounters IoInfo;
            public UIntPtr ProcessMemoryLimit;
            public UIntPtr JobMemoryLimit;
            public UIntPtr PeakProcessMemoryUsed;
            public UIntPtr PeakJobMemoryUsed;
        }
    }
}
