namespace RtmpXProtect.Engine.Security
{
    /// <summary>
    /// Comparison whose time does not depend on where the inputs differ, so a client cannot find a
    /// key byte by byte from response times (CryptographicOperations.FixedTimeEquals is not in
    /// netstandard2.0).
    /// </summary>
    internal static class ConstantTime
    {
        /// <summary>
        /// Whether both are equal. Time depends only on the length of <paramref name="expected"/>
        /// (the secret's length, which a timing attack could learn anyway from a key list's size).
        /// </summary>
        public static bool AreEqual(byte[] given, byte[] expected)
        {
            var difference = given.Length ^ expected.Length;
            for (var i = 0; i < expected.Length; i++)
            {
                var g = i < given.Length ? given[i] : (byte)~expected[i];
                difference |= g ^ expected[i];
            }

            return difference == 0;
        }
    }
}
