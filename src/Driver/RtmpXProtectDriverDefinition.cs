using System;
using System.Collections.Generic;
using System.Security;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework;
using VideoOS.Platform.DriverFramework.Data.Settings;
using VideoOS.Platform.DriverFramework.Definitions;

namespace RtmpXProtect.Driver
{
    /// <summary>The driver's entry point, found by the Recording Server through RtmpXProtect.Driver.def.</summary>
    public sealed class RtmpXProtectDriverDefinition : DriverDefinition
    {
        /// <inheritdoc />
        protected override Container CreateContainer(Uri uri, string userName, SecureString password, ICollection<HardwareSetting> hardwareSettings) =>
            new RtmpXProtectContainer(this, uri);

        /// <inheritdoc />
        protected override DriverInfo CreateDriverInfo() =>
            new DriverInfo(DriverHardware.DriverId, "RtmpXProtect", "RtmpXProtect", typeof(RtmpDriver).Assembly.GetName().Version.ToString(3), new[] { new ProductDefinition { Id = DriverHardware.ProductId, Name = "RtmpXProtect RTMP(S) server" } });
    }
}
