using System;
using RtmpXProtect.Engine.Media.Aac;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class AdtsHeaderTests
{
    [Fact]
    public void Aac_lc_at_44_1_khz_stereo_gets_the_header_ffmpeg_writes()
    {
        var header = new byte[AdtsHeader.Length];

        AdtsHeader.Write(header, AudioSpecificConfig.Parse(AudioSpecificConfig.Create(2, 44100, 2)), 371);

        // ffmpeg -f adts for LC 44.1 kHz stereo: FF F1 50 80, then the 13-bit length (378) and 0x7FF fullness.
        Assert.Equal(new byte[] { 0xFF, 0xF1, 0x50, 0x80, 0x2F, 0x5F, 0xFC }, header);
    }

    [Fact]
    public void A_frame_too_long_for_adts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AdtsHeader.Write(new byte[7], AudioSpecificConfig.Parse(AudioSpecificConfig.Create(2, 48000, 2)), 8200));
    }
}
