using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

/// <summary>
/// The net48 driver adapter compiled against build/MipFacade, and every MIP type and member it
/// uses is declared there with the public source it was transcribed from: a member used but not
/// cited (or declared but not used) fails here, before anyone reaches a Recording Server.
/// </summary>
public sealed class MipFacadeTests
{
    [Fact]
    public void Every_mip_member_the_driver_adapter_uses_is_declared_in_the_facade_with_its_public_source()
        => MipMetadata.AssertAdapterUsesOnlyCitedMembers(
            "src/Driver", "RtmpXProtect.Driver.dll", "build/MipFacade", "VideoOS.Platform.DriverFramework",
            "VideoOS.Platform.DriverFramework.Managers.BaseStreamSession::GetLiveFrame");
}
