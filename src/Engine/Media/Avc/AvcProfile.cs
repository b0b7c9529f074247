using System.Globalization;

namespace RtmpXProtect.Engine.Media.Avc
{
    /// <summary>H.264 profile facts (ISO 14496-10 Annex A) that more than one parser needs.</summary>
    internal static class AvcProfile
    {
        /// <summary>Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (§7.3.2.1.1).</summary>
        public static bool HasChromaFormat(int profileIdc)
        {
            switch (profileIdc)
            {
                case 100: case 110: case 122: case 244: case 44: case 83: case 86:
                case 118: case 128: case 138: case 139: case 134: case 135:
                    return true;
                default:
                    return false;
            }
        }

        public static string Name(int profileIdc, int constraintFlags)
        {
            bool set1 = (constraintFlags & 0x40) != 0;
            bool set3 = (constraintFlags & 0x10) != 0;
            switch (profileIdc)
            {
                case 66: return set1 ? "Constrained Baseline" : "Baseline";
                case 77: return "Main";
                case 88: return "Extended";
                case 100: return "High";
                case 110: return set3 ? "High 10 Intra" : "High 10";
                case 122: return set3 ? "High 4:2:2 Intra" : "High 4:2:2";
                case 244: return set3 ? "High 4:4:4 Intra" : "High 4:4:4 Predictive";
                case 44: return "CAVLC 4:4:4 Intra";
                case 83: return "Scalable Baseline";
                case 86: return "Scalable High";
                case 118: return "Multiview High";
                case 128: return "Stereo High";
                default: return "Profile " + profileIdc.ToString(CultureInfo.InvariantCulture);
            }
        }

        public static string LevelName(int profileIdc, int constraintFlags, int levelIdc)
        {
            // Annex A.3.1: level 1b is level_idc 11 with constraint_set3 in Baseline/Main/Extended, or 9.
            bool set3 = (constraintFlags & 0x10) != 0;
            if (levelIdc == 9 || (levelIdc == 11 && set3 && (profileIdc == 66 || profileIdc == 77 || profileIdc == 88)))
            {
                return "1b";
            }

            return (levelIdc / 10).ToString(CultureInfo.InvariantCulture) + "." + (levelIdc % 10).ToString(CultureInfo.InvariantCulture);
        }
    }
}
