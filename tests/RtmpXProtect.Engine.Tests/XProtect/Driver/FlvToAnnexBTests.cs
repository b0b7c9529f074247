using System;
using RtmpXProtect.Engine.Media;
using Xunit;
using static RtmpXProtect.Engine.Tests.XProtect.Driver.DriverFrames;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class FlvToAnnexBTests
{
    private static byte[]? Convert(FlvToAnnexB converter, Engine.Server.MediaFrame frame) => converter.Convert(frame.Message.Payload.Span, out _);

    [Fact]
    public void Key_frames_get_the_parameter_sets_in_front_and_other_frames_do_not()
    {
        var converter = new FlvToAnnexB();
        Assert.Null(Convert(converter, Picture(0, key: true)));
        Assert.Null(Convert(converter, Config()));

        Assert.Equal(AnnexB(Sps, Pps, Slice(true)), Convert(converter, Picture(0, key: true)));
        Assert.Equal(AnnexB(Slice(false)), Convert(converter, Picture(40, key: false)));
        Assert.Equal(VideoCodec.Avc, converter.Codec);
    }

    [Fact]
    public void A_key_frame_carrying_its_own_parameter_sets_is_not_given_a_second_copy()
    {
        var converter = new FlvToAnnexB();
        Convert(converter, Config());

        Assert.Equal(AnnexB(Sps, Pps, Slice(true)), Convert(converter, Picture(0, key: true, extraNals: new[] { Sps, Pps })));
    }

    [Fact]
    public void A_nal_length_past_the_end_is_a_format_error()
    {
        var converter = new FlvToAnnexB();
        Convert(converter, Config());
        var body = Picture(0, key: true).Message.Payload.ToArray();
        body[8] = 0xFF; // the slice's length now runs past the tag

        Assert.Throws<MediaFormatException>(() => converter.Convert(body, out _));
        Assert.Throws<MediaFormatException>(() => converter.Convert(new byte[] { 0x17 }, out _));
    }

    [Fact]
    public void Random_tags_give_access_units_null_or_a_format_error()
    {
        var random = new Random(13);
        var converter = new FlvToAnnexB();
        for (int i = 0; i < 5000; i++)
        {
            var body = new byte[random.Next(0, 64)];
            random.NextBytes(body);
            if (body.Length > 0 && i % 2 == 0)
            {
                body[0] = (byte)((body[0] & 0xF0) | 7);
            }

            try
            {
                converter.Convert(body, out _);
            }
            catch (MediaFormatException)
            {
            }
        }
    }
}
