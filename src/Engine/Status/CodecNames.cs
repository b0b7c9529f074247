using RtmpXProtect.Engine.Media;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>Codec names as ffprobe prints them, so status output and ffprobe output compare directly.</summary>
    internal static class CodecNames
    {
        public static string Of(VideoDescription video) => video.Codec switch
        {
            VideoCodec.Avc => "h264",
            VideoCodec.Hevc => "hevc",
            VideoCodec.Av1 => "av1",
            VideoCodec.Vp9 => "vp9",
            VideoCodec.Vp6 => "vp6f",
            VideoCodec.Vp6Alpha => "vp6a",
            VideoCodec.SorensonH263 => "flv1",
            VideoCodec.Screen => "flashsv",
            VideoCodec.ScreenV2 => "flashsv2",
            _ => "unknown",
        };

        public static string Of(AudioDescription audio) => audio.Codec switch
        {
            AudioCodec.Aac => "aac",
            AudioCodec.Mp3 => "mp3",
            AudioCodec.Mp3_8k => "mp3",
            AudioCodec.G711A => "pcm_alaw",
            AudioCodec.G711U => "pcm_mulaw",
            AudioCodec.Speex => "speex",
            AudioCodec.Nellymoser => "nellymoser",
            AudioCodec.Nellymoser8 => "nellymoser",
            AudioCodec.Nellymoser16 => "nellymoser",
            AudioCodec.LinearPcmLe => "pcm_s16le",
            AudioCodec.LinearPcmPlatform => "pcm",
            AudioCodec.Adpcm => "adpcm_swf",
            _ => audio.Name.ToLowerInvariant(),
        };
    }
}
