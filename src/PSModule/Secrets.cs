using System;
using System.Runtime.InteropServices;
using System.Security;

namespace RtmpXProtect.PSModule
{
    /// <summary>
    /// Reads a SecureString at the last moment, for the engine call that needs it; the plain copy is
    /// never stored in a cmdlet property, so it is not echoed by $PSBoundParameters or a transcript.
    /// </summary>
    internal static class Secrets
    {
        /// <summary>The characters of <paramref name="secret"/>, the unmanaged copy zeroed before returning.</summary>
        public static string Reveal(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
