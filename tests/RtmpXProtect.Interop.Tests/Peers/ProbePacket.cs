namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>One packet as ffprobe sees it; timestamps are in the stream time base (1/1000 for FLV).</summary>
/// <param name="StreamIndex">Index of the stream the packet belongs to.</param>
/// <param name="CodecType">"video" or "audio", copied by ffprobe from the stream.</param>
/// <param name="Pts">Presentation timestamp, absent when the container has none.</param>
/// <param name="Dts">Decoding timestamp, absent when the container has none.</param>
/// <param name="Keyframe">True when ffprobe's flags contain 'K'.</param>
/// <param name="Size">Payload size in bytes.</param>
public sealed record ProbePacket(int StreamIndex, string CodecType, long? Pts, long? Dts, bool Keyframe, int Size);
