using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// Limits for tests that open tens of connections from 127.0.0.1 within a second: the defaults
    /// (10 new per second, 50 per address) are right for the internet and would refuse them.
    /// </summary>
    internal static class LoopbackAdmission
    {
        public static AdmissionLimits Generous() => new AdmissionLimits
        {
            MaxConnectionsPerAddress = 100_000,
            NewConnectionsPerSecondPerAddress = 100_000,
            MaxUndecidedConnections = 100_000,
        };
    }
}
