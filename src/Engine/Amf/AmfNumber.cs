namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// Which .NET values AMF writes as numbers. AMF has one number type (a double; AMF3 adds a
    /// 29-bit integer), so every .NET numeric type maps onto it; anything else is not a number.
    /// </summary>
    internal static class AmfNumber
    {
        /// <summary>Smallest value an AMF3 integer (29-bit, two's complement) holds.</summary>
        public const int MinInt29 = -(1 << 28);

        /// <summary>Largest value an AMF3 integer holds.</summary>
        public const int MaxInt29 = (1 << 28) - 1;

        public static bool TryGetDouble(object? value, out double number)
        {
            switch (value)
            {
                case double d: number = d; return true;
                case int i: number = i; return true;
                case long l: number = l; return true;
                case float f: number = f; return true;
                case uint ui: number = ui; return true;
                case ulong ul: number = ul; return true;
                case short s: number = s; return true;
                case ushort us: number = us; return true;
                case byte b: number = b; return true;
                case sbyte sb: number = sb; return true;
                case decimal m: number = (double)m; return true;
                default: number = 0; return false;
            }
        }

        /// <summary>
        /// An integral .NET value that fits an AMF3 integer. Floating-point values are not taken,
        /// even when whole, so a double stays a double on the wire.
        /// </summary>
        public static bool TryGetInt29(object? value, out int integer)
        {
            long candidate;
            switch (value)
            {
                case int i: candidate = i; break;
                case long l: candidate = l; break;
                case short s: candidate = s; break;
                case ushort us: candidate = us; break;
                case byte b: candidate = b; break;
                case sbyte sb: candidate = sb; break;
                case uint ui: candidate = ui; break;
                case ulong ul when ul <= MaxInt29: candidate = (long)ul; break;
                default: integer = 0; return false;
            }

            integer = (int)candidate;
            return candidate >= MinInt29 && candidate <= MaxInt29;
        }
    }
}
