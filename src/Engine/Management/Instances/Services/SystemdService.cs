using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>
    /// service: systemd. The unit rtmpx-NAME.service in /etc/systemd/system (or $RTMPX_SYSTEMD_UNIT_DIR),
    /// enabled and started with systemctl (or the program $RTMPX_SYSTEMCTL names) where systemd runs.
    /// </summary>
    public sealed class SystemdService : IInstanceService
    {
        /// <summary>The variable that moves the unit folder.</summary>
        public const string UnitDirectoryVariable = "RTMPX_SYSTEMD_UNIT_DIR";

        /// <summary>The variable that names another systemctl.</summary>
        public const string SystemctlVariable = "RTMPX_SYSTEMCTL";

        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Units in <paramref name="unitDirectory"/>, controlled through <paramref name="systemctl"/>.</summary>
        public SystemdService(string? unitDirectory = null, string? systemctl = null)
        {
            UnitDirectory = unitDirectory ?? Environment.GetEnvironmentVariable(UnitDirectoryVariable) ?? "/etc/systemd/system";
            Systemctl = systemctl ?? Environment.GetEnvironmentVariable(SystemctlVariable);
        }

        /// <inheritdoc/>
        public ServiceKind Kind => ServiceKind.Systemd;

        /// <summary>Where unit files are written.</summary>
        public string UnitDirectory { get; }

        // Null: the system's own systemctl, used only where systemd runs.
        private string? Systemctl { get; }

        /// <inheritdoc/>
        public void EnsureAvailable()
        {
            // sd_booted(3): systemd runs when /run/systemd/system exists.
            if (Systemctl == null && !Directory.Exists("/run/systemd/system"))
            {
                throw new ResourceOperationException("service: systemd does not run on this machine (there is no /run/systemd/system); use service: none and run ROOT/bin/rtmpx serve --config ROOT/rtmpx.json from the machine's own supervisor.");
            }
        }

        /// <inheritdoc/>
        public bool IsInstalled(string name, InstanceLayout layout)
        {
            var unit = UnitPath(name);
            return File.Exists(unit) && File.ReadAllText(unit) == SystemdUnit.Text(name, layout);
        }

        /// <inheritdoc/>
        public bool Install(string name, InstanceLayout layout, OperationLog log)
        {
            EnsureAvailable();
            var changed = AtomicFile.WriteIfChanged(UnitPath(name), SystemdUnit.Text(name, layout), ownerOnly: false);
            if (changed)
            {
                log.Info($"wrote {UnitPath(name)}");
                Check(Run("daemon-reload"), "daemon-reload");
            }

            if (Run("is-enabled", "--quiet", SystemdUnit.Name(name)).ExitCode != 0)
            {
                Check(Run("enable", SystemdUnit.Name(name)), "enable");
                changed = true;
            }

            return changed;
        }

        /// <inheritdoc/>
        public void Uninstall(string name, OperationLog log)
        {
            var unit = UnitPath(name);
            if (!File.Exists(unit))
            {
                return;
            }

            EnsureAvailable();
            Check(Run("disable", "--now", SystemdUnit.Name(name)), "disable --now");
            File.Delete(unit);
            Check(Run("daemon-reload"), "daemon-reload");
            log.Info($"removed {unit}");
        }

        /// <inheritdoc/>
        public InstanceRunState? State(string name, IPEndPoint? api)
        {
            if (!File.Exists(UnitPath(name)))
            {
                return InstanceRunState.Stopped;
            }

            EnsureAvailable();
            return Run("is-active", "--quiet", SystemdUnit.Name(name)).ExitCode == 0 ? InstanceRunState.Running : InstanceRunState.Stopped;
        }

        /// <inheritdoc/>
        public void Start(string name) => Check(Run("start", SystemdUnit.Name(name)), "start");

        /// <inheritdoc/>
        public void Stop(string name) => Check(Run("stop", SystemdUnit.Name(name)), "stop");


        private string UnitPath(string name) => Path.Combine(UnitDirectory, SystemdUnit.Name(name));

        private static void Check((int ExitCode, string Error) result, string what)
        {
            if (result.ExitCode != 0)
            {
                throw new ResourceOperationException($"systemctl {what} failed (exit {result.ExitCode}): {result.Error.Trim()}");
            }
        }

        // Both streams are read in the background, so the time limit is the one bound on a systemctl
        // that hangs (a start that waits on a unit's own start timeout).
        private (int ExitCode, string Error) Run(params string[] arguments) => SystemTool.Run(Systemctl ?? "systemctl", arguments, CommandTimeout);
    }
}
