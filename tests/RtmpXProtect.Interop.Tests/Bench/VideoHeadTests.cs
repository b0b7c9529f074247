using RtmpXProtect.Bench.Load.Wire;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

public sealed class VideoHeadTests
{
    [Theory]
    [InlineData(new byte[] { 0x17, 0x01, 0, 0, 0 }, true, true)]
    [InlineData(new byte[] { 0x27, 0x01, 0, 0, 0 }, true, false)]
    [InlineData(new byte[] { 0x17, 0x00, 0, 0, 0 }, false, true)]
    [InlineData(new byte[] { 0x17, 0x02, 0, 0, 0 }, false, true)]
    [InlineData(new byte[] { 0x91, (byte)'h', (byte)'v', (byte)'c', (byte)'1' }, true, true)]
    [InlineData(new byte[] { 0xA3, (byte)'a', (byte)'v', (byte)'c', (byte)'1' }, true, false)]
    [InlineData(new byte[] { 0x90, (byte)'h', (byte)'v', (byte)'c', (byte)'1' }, false, true)]
    public void Tells_coded_keyframes_from_sequence_headers(byte[] head, bool coded, bool keyframe)
    {
        Assert.Equal(coded, VideoHead.IsCodedFrame(head, out var isKeyframe));
        Assert.Equal(keyframe, isKeyframe);
    }

    [Fact]
    public void A_one_byte_body_is_not_a_frame()
    {
        Assert.False(VideoHead.IsCodedFrame(new byte[] { 0x17 }, out _));
    }
}
