using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>
    /// The few Service Control Manager calls an instance needs (advapi32: CreateServiceW,
    /// ChangeServiceConfigW, QueryServiceConfigW, StartServiceW, ControlService, DeleteService), so the
    /// engine needs no Windows-only package. Errors carry the Win32 message (access denied when not
    /// run as an administrator).
    /// </summary>
    internal static class ServiceControl
    {
        private const uint ScManagerAllAccess = 0xF003F;
        private const uint ServiceAllAccess = 0xF01FF;
        private const uint ServiceWin32OwnProcess = 0x10;
        private const uint ServiceAutoStart = 0x2;
        private const uint ServiceErrorNormal = 0x1;
        private const uint ServiceNoChange = 0xFFFFFFFF;
        private const uint ServiceControlStop = 0x1;
        private const uint ServiceStopped = 0x1;
        private const uint ServiceRunning = 0x4;
        private const int ErrorServiceDoesNotExist = 1060;
        private const int ErrorServiceNotActive = 1062;
        private const int ErrorServiceAlreadyRunning = 1056;
        private const int ErrorInsufficientBuffer = 122;
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

        /// <summary>The service's command line; null when there is no such service.</summary>
        public static string? QueryCommandLine(string service)
        {
            using var handle = Open(service, mustExist: false);
            if (handle == null)
            {
                return null;
            }

            QueryServiceConfigW(handle.Handle, IntPtr.Zero, 0, out var needed);
            if (Marshal.GetLastWin32Error() != ErrorInsufficientBuffer)
            {
                throw Failure($"cannot read the service {service}");
            }

            var buffer = Marshal.AllocHGlobal((int)needed);
            try
            {
                if (!QueryServiceConfigW(handle.Handle, buffer, needed, out _))
                {
                    throw Failure($"cannot read the service {service}");
                }

                var config = Marshal.PtrToStructure<QueryServiceConfig>(buffer);
                return Marshal.PtrToStringUni(config.BinaryPathName);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        public static void CreateOrUpdate(string service, string display, string commandLine, bool exists)
        {
            using var manager = new ServiceHandle(OpenSCManagerW(null, null, ScManagerAllAccess));
            if (manager.Handle == IntPtr.Zero)
            {
                throw Failure("cannot open the Service Control Manager");
            }

            if (!exists)
            {
                using var created = new ServiceHandle(CreateServiceW(manager.Handle, service, display, ServiceAllAccess, ServiceWin32OwnProcess, ServiceAutoStart, ServiceErrorNormal, commandLine, null, IntPtr.Zero, null, null, null));
                if (created.Handle == IntPtr.Zero)
                {
                    throw Failure($"cannot create the service {service}");
                }

                return;
            }

            using var handle = Open(service, mustExist: true)!;
            if (!ChangeServiceConfigW(handle.Handle, ServiceNoChange, ServiceAutoStart, ServiceNoChange, commandLine, null, IntPtr.Zero, null, null, null, display))
            {
                throw Failure($"cannot change the service {service}");
            }
        }

        public static bool IsRunning(string service)
        {
            using var handle = Open(service, mustExist: false);
            return handle != null && Status(handle, service) == ServiceRunning;
        }

        public static void Start(string service)
        {
            using var handle = Open(service, mustExist: true)!;
            if (!StartServiceW(handle.Handle, 0, IntPtr.Zero) && Marshal.GetLastWin32Error() != ErrorServiceAlreadyRunning)
            {
                throw Failure($"cannot start the service {service}");
            }

            WaitFor(handle, service, ServiceRunning);
        }

        public static void Stop(string service)
        {
            using var handle = Open(service, mustExist: false);
            if (handle == null)
            {
                return;
            }

            var status = default(ServiceStatus);
            if (!ControlService(handle.Handle, ServiceControlStop, ref status) && Marshal.GetLastWin32Error() != ErrorServiceNotActive)
            {
                throw Failure($"cannot stop the service {service}");
            }

            WaitFor(handle, service, ServiceStopped);
        }

        public static void Delete(string service)
        {
            using var handle = Open(service, mustExist: false);
            if (handle != null && !DeleteService(handle.Handle))
            {
                throw Failure($"cannot delete the service {service}");
            }
        }

        private static void WaitFor(ServiceHandle handle, string service, uint state)
        {
            var clock = Stopwatch.StartNew();
            while (Status(handle, service) != state)
            {
                if (clock.Elapsed > Wait)
                {
                    throw new ResourceOperationException($"The service {service} did not reach state {state} in {Wait.TotalSeconds:0} s; its log (ROOT/logs) says why.");
                }

                Thread.Sleep(250);
            }
        }

        private static uint Status(ServiceHandle handle, string service)
        {
            var status = default(ServiceStatus);
            if (!QueryServiceStatus(handle.Handle, ref status))
            {
                throw Failure($"cannot query the service {service}");
            }

            return status.CurrentState;
        }

        private static ServiceHandle? Open(string service, bool mustExist)
        {
            using var manager = new ServiceHandle(OpenSCManagerW(null, null, ScManagerAllAccess));
            if (manager.Handle == IntPtr.Zero)
            {
                throw Failure("cannot open the Service Control Manager");
            }

            var handle = OpenServiceW(manager.Handle, service, ServiceAllAccess);
            if (handle == IntPtr.Zero)
            {
                if (!mustExist && Marshal.GetLastWin32Error() == ErrorServiceDoesNotExist)
                {
                    return null;
                }

                throw Failure($"cannot open the service {service}");
            }

            return new ServiceHandle(handle);
        }

        private static ResourceOperationException Failure(string what)
        {
            var error = Marshal.GetLastWin32Error();
            return new ResourceOperationException($"Windows: {what}: {new Win32Exception(error).Message}") { AccessDenied = error == 5 };
        }

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr OpenSCManagerW(string? machine, string? database, uint access);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr OpenServiceW(IntPtr manager, string name, uint access);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr CreateServiceW(IntPtr manager, string name, string display, uint access, uint type, uint start, uint errorControl, string commandLine, string? group, IntPtr tag, string? dependencies, string? account, string? password);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool ChangeServiceConfigW(IntPtr service, uint type, uint start, uint errorControl, string commandLine, string? group, IntPtr tag, string? dependencies, string? account, string? password, string display);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool QueryServiceConfigW(IntPtr service, IntPtr buffer, uint size, out uint needed);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool StartServiceW(IntPtr service, uint argumentCount, IntPtr arguments);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool ControlService(IntPtr service, uint control, ref ServiceStatus status);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool QueryServiceStatus(IntPtr service, ref ServiceStatus status);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool DeleteService(IntPtr service);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool CloseServiceHandle(IntPtr handle);

        [StructLayout(LayoutKind.Sequential)]
        private struct ServiceStatus
        {
            public uint ServiceType;
            public uint CurrentState;
            public uint ControlsAccepted;
            public uint Win32ExitCode;
            public uint ServiceSpecificExitCode;
            public uint CheckPoint;
            public uint WaitHint;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct QueryServiceConfig
        {
            public uint ServiceType;
            public uint StartType;
            public uint ErrorControl;
            public IntPtr BinaryPathName;
            public IntPtr LoadOrderGroup;
            public uint TagId;
            public IntPtr Dependencies;
            public IntPtr ServiceStartName;
            public IntPtr DisplayName;
        }

        private sealed class ServiceHandle : IDisposable
        {
            public ServiceHandle(IntPtr handle) => Handle = handle;

            public IntPtr Handle { get; }

            public void Dispose()
            {
                if (Handle != IntPtr.Zero)
                {
                    CloseServiceHandle(Handle);
                }
            }
        }
    }
}
