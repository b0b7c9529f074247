using System;
using System.Collections.Generic;

namespace RtmpXProtect.XProtectDouble;

/// <summary>
/// A camera of the double: its configuration item (REST), its recording (what goto / next
/// serve), and its live feed (what live serves, looped in real time).
/// </summary>
public sealed class DoubleCamera
{
    public DoubleCamera(string name, IReadOnlyList<RecordedPicture> recording, bool enabled = true)
    {
        Name = name;
        Recording = recording;
        Enabled = enabled;
    }

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid HardwareId { get; init; } = Guid.NewGuid();

    public string Name { get; }

    public bool Enabled { get; }

    /// <summary>Pictures in decode order, stamped as the recorder stamps them (see <see cref="RecordedPicture"/>).</summary>
    public IReadOnlyList<RecordedPicture> Recording { get; }

    /// <summary>The live feed; the recording, replayed from its start in real time, when null.</summary>
    public IReadOnlyList<RecordedPicture>? Live { get; init; }

    /// <summary>Set to make the recorder report the camera lost: livepackage item 5 = 1 and no more live pictures (WIP).</summary>
    public bool Disconnected { get; set; }
}
