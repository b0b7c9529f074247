namespace RtmpXProtect.XProtectDouble;

/// <summary>What a recorder writes as a picture's GenericByteData time.</summary>
public enum Stamping
{
    /// <summary>The picture's presentation time.</summary>
    Presentation,

    /// <summary>When the picture arrived from the camera: in decode order, B-frames bunched after the picture they refer to (WIP README).</summary>
    Arrival,
}
