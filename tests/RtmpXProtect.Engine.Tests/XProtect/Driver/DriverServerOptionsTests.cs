using System;
using System.Linq;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.XProtect.Driver;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class DriverServerOptionsTests
{
    [Fact]
    public void Sixteen_device_paths_are_served_each_with_its_key()
    {
        var settings = new DriverSettings { Port = 1935, PublishKey = "hardware-key", MaxConnections = 20 };
        settings.DevicePublishKeys[3] = "own-key";

        var options = DriverServerOptions.Create(settings, null);

        Assert.Equal(1935, options.Endpoint!.Port);
        Assert.Null(options.TlsEndpoint);
        Assert.Equal(AccessMode.Fixed, options.Access!.Mode);
        Assert.Equal(Enumerable.Range(1, 16).Select(d => "live/stream" + d), options.Access.Paths.Select(p => p.Path));
        Assert.Equal(new[] { "hardware-key" }, options.Access.Paths[0].PublishKeys);
        Assert.Equal(new[] { "own-key" }, options.Access.Paths[2].PublishKeys);
        Assert.All(options.Access.Paths, p => Assert.False(p.AnyonePublishes));
        Assert.True(DriverServerOptions.Create(new DriverSettings(), null).Access!.Paths.All(p => p.AnyonePublishes && p.PublishKeys.Count == 0));
        Assert.Equal(20, options.Admission.MaxConnections);
    }

    [Fact]
    public void Rtmps_takes_the_port_and_needs_a_certificate()
    {
        var settings = new DriverSettings { Port = 1936, UseTls = true };

        Assert.Contains("no certificate", Assert.Throws<ArgumentException>(() => DriverServerOptions.Create(settings, null)).Message);
        Assert.Contains("no certificate", Assert.Throws<ArgumentException>(() => DriverCertificate.Load(settings)).Message);
    }

    [Theory]
    [InlineData(0, 10, 10, "MaxConnections must be 1–100000")]
    [InlineData(5, 0, 10, "NewConnectionsPerSecond must be 1–100000")]
    [InlineData(5, 10, 0, "HandshakeTimeoutSeconds must be 1–3600")]
    public void A_setting_out_of_range_is_refused_by_name(int connections, int perSecond, int handshake, string message)
    {
        var settings = new DriverSettings { MaxConnections = connections, NewConnectionsPerSecond = perSecond, HandshakeTimeoutSeconds = handshake };

        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => DriverServerOptions.Create(settings, null)).Message);
    }

    [Theory]
    [InlineData("live/stream1", 1)]
    [InlineData("live/stream16", 16)]
    [InlineData("live/stream17", 0)]
    [InlineData("live/stream01", 0)]
    [InlineData("stream1", 0)]
    public void A_path_names_its_device(string path, int device)
    {
        Assert.Equal(device, DriverSettings.DeviceOf(path));
    }
}
