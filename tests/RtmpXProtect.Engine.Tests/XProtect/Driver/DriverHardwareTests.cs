using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.XProtect.Driver;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class DriverHardwareTests
{
    [Fact]
    public void The_recording_servers_values_become_settings_with_defaults_for_what_is_missing_or_unreadable()
    {
        var values = new Dictionary<string, string> { ["Port"] = "8783", ["UseTls"] = "True", ["CertificatePath"] = @"C:\certs\rtmp.pfx", ["MaxConnections"] = "lots" };

        var settings = DriverHardware.Read(values, "hardware password");

        Assert.Equal(8783, settings.Port);
        Assert.True(settings.UseTls);
        Assert.Equal(@"C:\certs\rtmp.pfx", settings.CertificatePath);
        Assert.Equal("hardware password", settings.CertificatePassword);
        Assert.Equal("hardware password", settings.KeyOf(5));
        Assert.Equal(64, settings.MaxConnections);
        Assert.Equal(15, settings.VideoTimeoutSeconds);
        Assert.Null(DriverHardware.Read(new Dictionary<string, string>(), "").KeyOf(1));
    }

    [Fact]
    public void Device_ids_are_fixed_distinct_and_read_back()
    {
        var ids = Enumerable.Range(1, 16).Select(DriverHardware.DeviceId).ToList();

        Assert.Equal(16, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 16), ids.Select(id => DriverHardware.DeviceOf(id.ToString())));
        Assert.Equal(0, DriverHardware.DeviceOf("not a guid"));
        Assert.Equal(0, DriverHardware.DeviceOf(DriverHardware.DriverId.ToString()));
        Assert.Equal("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8b001", DriverHardware.DeviceId(1).ToString());
    }

    [Fact]
    public void Every_field_has_its_own_key_and_reference_and_a_default_it_reads_back()
    {
        Assert.Equal(DriverHardware.Fields.Count, DriverHardware.Fields.Select(f => f.Key).Distinct().Count());
        Assert.Equal(DriverHardware.Fields.Count, DriverHardware.Fields.Select(f => f.ReferenceId).Distinct().Count());
        var defaults = DriverHardware.Read(DriverHardware.Fields.Select(f => new KeyValuePair<string, string>(f.Key, f.DefaultValue)), null);
        Assert.Equal(new DriverSettings().Port, defaults.Port);
        Assert.Equal(new DriverSettings().MaxConnections, defaults.MaxConnections);
        Assert.All(DriverHardware.Fields.Where(f => f.Kind == DriverSettingKind.Number), f => Assert.InRange(int.Parse(f.DefaultValue), f.Min, f.Max));
    }
}
