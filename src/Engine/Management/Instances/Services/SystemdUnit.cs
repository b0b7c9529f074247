using System.Text;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>
    /// The unit file of an instance (systemd.service(5)): Type=notify, since rtmpx serve sends READY=1
    /// once it listens; reload by SIGHUP (systemctl reload), stop by SIGTERM with time to finalise
    /// recordings; restarted when it fails; started at boot.
    /// </summary>
    public static class SystemdUnit
    {
        /// <summary>The unit's name for an instance: rtmpx-NAME.service.</summary>
        public static string Name(string instance) => "rtmpx-" + instance + ".service";

        /// <summary>The unit file's text.</summary>
        public static string Text(string instance, InstanceLayout layout)
        {
            var unit = new StringBuilder();
            unit.Append("# rtmpx instance ").Append(instance).Append(", written by RtmpXProtect (Set-RtmpInstance, rtmpx instance, DSC):\n");
            unit.Append("# edits here are overwritten; change the instance instead.\n");
            unit.Append("[Unit]\n");
            unit.Append("Description=rtmpx instance ").Append(instance).Append(" (RTMP(S) for Milestone XProtect)\n");
            unit.Append("After=network-online.target\n");
            unit.Append("Wants=network-online.target\n\n");
            unit.Append("[Service]\n");
            unit.Append("Type=notify\n");
            unit.Append("ExecStart=").Append(Argument(layout.Executable)).Append(" serve --config ").Append(Argument(layout.ConfigFile)).Append('\n');
            unit.Append("ExecReload=/bin/kill -HUP $MAINPID\n");
            unit.Append("WorkingDirectory=").Append(Specifiers(layout.Root)).Append('\n');
            unit.Append("Restart=on-failure\n");
            unit.Append("RestartSec=2s\n");
            // The host drains hooks for 5 s and closes recordings before it exits.
            unit.Append("TimeoutStopSec=30s\n");
            unit.Append("LimitNOFILE=65536\n");
            unit.Append("NoNewPrivileges=yes\n");
            unit.Append("ProtectSystem=full\n");
            unit.Append("PrivateTmp=yes\n\n");
            unit.Append("[Install]\n");
            unit.Append("WantedBy=multi-user.target\n");
            return unit.ToString();
        }

        // One argument of a command line in a unit file: quoted, with systemd's specifier (%) and
        // variable ($) characters doubled, so a root with spaces or odd characters stays one path.
        private static string Argument(string value)
            => "\"" + Specifiers(value).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "$$") + "\"";

        private static string Specifiers(string value) => value.Replace("%", "%%");
    }
}
