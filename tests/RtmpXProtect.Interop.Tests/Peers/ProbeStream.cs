namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>One stream as ffprobe sees it.</summary>
/// <param name="Index">Stream index packets refer to.</param>
/// <param name="CodecName">"h264", "aac", "hevc", ...</param>
/// <param name="CodecType">"video" or "audio" (or "data").</param>
/// <param name="Width">Pixels, video only.</param>
/// <param name="Height">Pixels, video only.</param>
public sealed record ProbeStream(int Index, string CodecName, string CodecType, int? Width, int? Height);
