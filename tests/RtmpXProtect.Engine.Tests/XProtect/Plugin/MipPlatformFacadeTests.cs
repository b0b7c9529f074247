using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin;

/// <summary>
/// The net48 plugin adapter compiled against build/MipPlatformFacade, and every MIP type and
/// member it uses is declared there with the public source it was transcribed from: a member used
/// but not cited (or declared but not used) fails here, before anyone reaches an Event Server.
/// </summary>
public sealed class MipPlatformFacadeTests
{
    [Fact]
    public void Every_mip_member_the_plugin_adapter_uses_is_declared_in_the_facade_with_its_public_source()
        => MipMetadata.AssertAdapterUsesOnlyCitedMembers(
            "src/Plugin", "RtmpXProtect.Plugin.dll", "build/MipPlatformFacade", "VideoOS.Platform",
            "VideoOS.Platform.Messaging.MessageCommunication::TransmitMessage");

    [Fact]
    public void The_plugin_adapter_reads_configuration_changes_and_answers_requests_through_mip_messaging()
    {
        var used = MipMetadata.UsedBy("src/Plugin", "RtmpXProtect.Plugin.dll", "VideoOS.Platform");

        Assert.Contains("VideoOS.Platform.Messaging.MessageId+Server::ConfigurationChangedIndication", used);
        Assert.Contains("VideoOS.Platform.MessageReceiver::.ctor", used);
        Assert.Contains("VideoOS.Platform.Log.LogClient::NewEntry", used);
        Assert.Contains("VideoOS.Platform.Configuration::SaveItemConfiguration", used);
    }
}
