using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.InteropServices;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>
    /// service: windows. The service rtmpx-NAME under the Service Control Manager: automatic start,
    /// LocalSystem, command line "ROOT\bin\rtmpx.exe" serve --config "ROOT\rtmpx.json" (rtmpx serve
    /// reports Running to the SCM once it listens). This code path is compiled on every OS and runs
    /// only on Windows.
    /// </summary>
    public sealed class WindowsService : IInstanceService
    {
        /// <inheritdoc/>
        public ServiceKind Kind => ServiceKind.Windows;

        /// <summary>The service's name for an instance.</summary>
        public static string ServiceName(string instance) => "rtmpx-" + instance;

        /// <summary>The command line the SCM runs.</summary>
        public static string CommandLine(InstanceLayout layout) => $"\"{layout.Executable}\" serve --config \"{layout.ConfigFile}\"";

        /// <inheritdoc/>
        public void EnsureAvailable()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                throw new ResourceOperationException("service: windows needs Windows; on this machine use service: systemd or none.");
            }
        }

        /// <inheritdoc/>
        public bool IsInstalled(string name, InstanceLayout layout)
        {
            EnsureAvailable();
            return ServiceControl.QueryCommandLine(ServiceName(name)) == CommandLine(layout);
        }

        /// <inheritdoc/>
        public bool Install(string name, InstanceLayout layout, OperationLog log)
        {
            EnsureAvailable();
            var service = ServiceName(name);
            var current = ServiceControl.QueryCommandLine(service);
            if (current == CommandLine(layout))
            {
                return false;
            }

            ServiceControl.CreateOrUpdate(service, $"rtmpx instance {name} (RtmpXProtect)", CommandLine(layout), exists: current != null);
            log.Info(current == null ? $"created the service {service}" : $"updated the service {service}");
            return true;
        }

        /// <inheritdoc/>
        public void Uninstall(string name, OperationLog log)
        {
            EnsureAvailable();
            if (ServiceControl.QueryCommandLine(ServiceName(name)) == null)
            {
                return;
            }

            ServiceControl.Stop(ServiceName(name));
            ServiceControl.Delete(ServiceName(name));
            log.Info($"removed the service {ServiceName(name)}");
        }

        /// <inheritdoc/>
        public InstanceRunState? State(string name, IPEndPoint? api)
        {
            EnsureAvailable();
            return ServiceControl.IsRunning(ServiceName(name)) ? InstanceRunState.Running : InstanceRunState.Stopped;
        }

        /// <inheritdoc/>
        public void Start(string name) => ServiceControl.Start(ServiceName(name));

        /// <inheritdoc/>
        public void Stop(string name) => ServiceControl.Stop(ServiceName(name));

    }
}
