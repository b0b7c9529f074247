using System;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Management.Instances.Services;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management.Instances;

/// <summary>
/// service: systemd against a systemctl double, since these machines run no systemd: it answers as
/// systemctl(1) documents (is-active and is-enabled exit 0 only when active or enabled; start, stop,
/// enable and disable --now change that) and records every call. The unit file itself is checked with
/// the real systemd-analyze in the interop tests.
/// </summary>
public sealed class SystemdServiceTests : IDisposable
{
    private readonly InstanceSandbox _machine = new InstanceSandbox();
    private readonly string _calls;
    private readonly string _units;

    public SystemdServiceTests()
    {
        _units = Path.Combine(_machine.Folder, "units");
        _calls = Path.Combine(_machine.Folder, "systemctl.calls");
        var state = Path.Combine(_machine.Folder, "systemd-state");
        Directory.CreateDirectory(state);
        var systemctl = Path.Combine(_machine.Folder, "systemctl");
        File.WriteAllText(systemctl, $$"""
            #!/bin/sh
            echo "$*" >> '{{_calls}}'
            unit="$(echo "$*" | awk '{print $NF}')"
            case "$1" in
              is-enabled) [ -f '{{state}}'/"$unit".enabled ] ;;
              is-active) [ -f '{{state}}'/"$unit".active ] || exit 3 ;;
              enable) touch '{{state}}'/"$unit".enabled ;;
              disable) rm -f '{{state}}'/"$unit".enabled '{{state}}'/"$unit".active ;;
              start|restart) touch '{{state}}'/"$unit".active ;;
              stop) rm -f '{{state}}'/"$unit".active ;;
            esac
            """.Replace("\r", string.Empty));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(systemctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _machine.Kinds = kind => kind == ServiceKind.Systemd ? new SystemdService(_units, systemctl) : InstanceOperations.DefaultServices(kind);
    }

    public void Dispose() => _machine.Dispose();

    private string Desired(string extra = "") => $$"""
        { "name": "edge1", "root": {{Json(Path.Combine(_machine.Folder, "with space", "edge1"))}}, "package": {{Json(_machine.Package("0.7.0"))}},
          "rtmp": "127.0.0.1:19361", "api": "127.0.0.1:19861", "service": "systemd"{{extra}} }
        """;

    [Fact]
    public void Install_writes_the_unit_enables_and_starts_it_and_a_second_set_calls_only_the_queries()
    {
        var after = _machine.Operations.Set(InstanceSandbox.Desire(Desired()));

        var unit = File.ReadAllText(Path.Combine(_units, "rtmpx-edge1.service"));
        var root = Path.Combine(_machine.Folder, "with space", "edge1");
        Assert.Contains($"ExecStart=\"{root}/bin/rtmpx\" serve --config \"{root}/rtmpx.json\"", unit);
        Assert.Contains("Type=notify", unit);
        Assert.Contains("ExecReload=/bin/kill -HUP $MAINPID", unit);
        Assert.Equal(InstanceRunState.Running, after.State);
        Assert.Equal(new[] { "daemon-reload", "is-enabled --quiet rtmpx-edge1.service", "enable rtmpx-edge1.service", "start rtmpx-edge1.service" }, Calls().Where(c => !c.StartsWith("is-active", StringComparison.Ordinal)));

        File.Delete(_calls);
        _machine.Operations.Set(InstanceSandbox.Desire(Desired()));
        Assert.All(Calls(), call => Assert.StartsWith("is-", call));
        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(Desired())).InDesiredState);
    }

    [Fact]
    public void State_stopped_stops_it_and_a_change_the_server_applies_only_at_start_restarts_it()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Desired()));
        File.Delete(_calls);
        _machine.Operations.Set(InstanceSandbox.Desire(Desired(", \"config\": { \"logging\": { \"level\": \"debug\" } }")));
        Assert.Contains("stop rtmpx-edge1.service", Calls());
        Assert.Contains("start rtmpx-edge1.service", Calls());

        var stopped = _machine.Operations.Set(InstanceSandbox.Desire(Desired(", \"state\": \"stopped\"")));
        Assert.Equal(InstanceRunState.Stopped, stopped.State);
        Assert.Equal(new[] { "state" }, _machine.Operations.Test(InstanceSandbox.Desire(Desired(", \"state\": \"running\""))).Differing);
    }

    [Fact]
    public void A_unit_edited_by_hand_is_drift_that_set_repairs_and_removal_leaves_no_unit()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Desired()));
        var unit = Path.Combine(_units, "rtmpx-edge1.service");
        File.AppendAllText(unit, "Environment=EDITED=1\n");
        Assert.Equal(new[] { "service" }, _machine.Operations.Test(InstanceSandbox.Desire(Desired())).Differing);
        _machine.Operations.Set(InstanceSandbox.Desire(Desired()));
        Assert.DoesNotContain("EDITED", File.ReadAllText(unit));

        _machine.Operations.Set(InstanceSandbox.Desire("""{ "name": "edge1", "_exist": false }"""));
        Assert.False(File.Exists(unit));
        Assert.Contains("disable --now rtmpx-edge1.service", Calls());
        Assert.Empty(Directory.GetFiles(_units));
    }

    private string[] Calls() => File.Exists(_calls) ? File.ReadAllLines(_calls) : Array.Empty<string>();

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
