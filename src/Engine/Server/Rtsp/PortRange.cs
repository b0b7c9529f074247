using System.Globalization;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>
    /// The UDP ports RTP over UDP goes out from: an even RTP port and the odd one after it for
    /// RTCP (RFC 3550 §11), one pair per track of a session, taken from this range.
    /// </summary>
    public sealed class PortRange
    {
        /// <summary>A range of whole pairs: <paramref name="first"/> even, <paramref name="last"/> above it.</summary>
        public PortRange(int first, int last)
        {
            if (first < 1024 || first % 2 != 0 || last <= first || last > 65535)
            {
                throw new System.ArgumentOutOfRangeException(nameof(first), first + "-" + last, "A port range is an even first port from 1024 and a last port above it, up to 65535.");
            }

            First = first;
            Last = last;
        }

        /// <summary>The first (even) port.</summary>
        public int First { get; }

        /// <summary>The last port; a pair needs both of its ports inside the range.</summary>
        public int Last { get; }

        /// <summary>How many pairs fit.</summary>
        public int Pairs => (Last - First + 1) / 2;

        /// <summary>Reads "FIRST-LAST"; null when it is not a valid range.</summary>
        public static PortRange? Parse(string? text)
        {
            var dash = text?.IndexOf('-') ?? -1;
            if (dash <= 0
                || !int.TryParse(text!.Substring(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(text.Substring(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || first < 1024 || first % 2 != 0 || last <= first || last > 65535)
            {
                return null;
            }

            return new PortRange(first, last);
        }

        /// <inheritdoc />
        public override string ToString() => First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
    }
}
