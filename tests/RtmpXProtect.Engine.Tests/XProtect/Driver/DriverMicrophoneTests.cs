using System;
using System.Linq;
using RtmpXProtect.Engine.XProtect.Driver;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class DriverMicrophoneTests
{
    [Fact]
    public void Each_camera_has_a_microphone_of_its_own_whose_id_leads_back_to_the_device()
    {
        var devices = Enumerable.Range(1, DriverSettings.DeviceCount).ToList();
        var ids = devices.Select(DriverMicrophone.DeviceId).ToList();

        Assert.Equal(devices.Count, ids.Distinct().Count());
        Assert.Equal(devices, ids.Select(id => DriverMicrophone.DeviceOf(id.ToString())));
        Assert.Empty(ids.Intersect(devices.Select(DriverHardware.DeviceId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a guid")]
    [InlineData("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8b001")] // camera 1, not its microphone
    [InlineData("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8d011")] // microphone 17 does not exist
    public void An_id_that_is_no_microphone_of_this_driver_is_device_0(string id)
        => Assert.Equal(0, DriverMicrophone.DeviceOf(id));

    [Fact]
    public void A_camera_id_is_not_read_as_a_microphone_nor_the_reverse()
    {
        Assert.Equal(0, DriverHardware.DeviceOf(DriverMicrophone.DeviceId(3).ToString()));
        Assert.Equal(0, DriverMicrophone.DeviceOf(DriverHardware.DeviceId(3).ToString()));
    }

    [Fact]
    public void Device_numbers_outside_1_to_16_are_refused()
        => Assert.ThrowsAny<ArgumentException>(() => DriverMicrophone.DeviceId(17));
}
