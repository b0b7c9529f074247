using System.Globalization;

namespace RtmpXProtect.Engine.Media.Hevc
{
    /// <summary>H.265 profile and level names (ITU-T H.265 Annex A).</summary>
    internal static class HevcProfile
    {
        public static string Name(int profileIdc)
        {
            switch (profileIdc)
            {
                case 1: return "Main";
                case 2: return "Main 10";
                case 3: return "Main Still Picture";
                case 4: return "Rext";
                case 5: return "High Throughput";
                case 9: return "Screen Content";
                default: return "Profile " + profileIdc.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>general_level_idc is 30 × the level: 93 → "3.1", 120 → "4.0".</summary>
        public static string LevelName(int levelIdc) =>
            (levelIdc / 30).ToString(CultureInfo.InvariantCulture) + "." + (levelIdc % 30 / 3).ToString(CultureInfo.InvariantCulture);
    }
}
