namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>The servers compared, in the order each round runs them.</summary>
internal enum ServerKind
{
    Rtmpx,
    Nginx,
    Nms,
}
