using System;
using System.Net;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Rtmpx;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// Servers for the attacks: limits short enough that an attack bites within seconds, while the
/// per-address limits (which hit 127.0.0.2, the attacker) leave the loopback ffmpeg peers alone.
/// </summary>
public static class AttackServer
{
    public static RtmpServerOptions Options(Action<AdmissionLimits>? admission = null)
    {
        var limits = new AdmissionLimits
        {
            // Room for the thousand-socket attack plus the legitimate pair (the default is 1000).
            MaxConnections = 2000,
            MaxConnectionsPerAddress = 2000,
            NewConnectionsPerSecondPerAddress = 100_000,
            MaxUndecidedConnections = 2000,
            DecisionTimeout = TimeSpan.FromSeconds(2),
        };
        admission?.Invoke(limits);
        return new RtmpServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            HandshakeTimeout = TimeSpan.FromSeconds(2),
            Admission = limits,
        };
    }

    public static InProcessServer Start(RtmpServerOptions? options = null) => new(options: options ?? Options());
}
