using System.IO;
using System.Security.AccessControl;
using System.Security.Principal;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// A folder only this process's account (the Event Server's), SYSTEM and Administrators may
    /// open. Needed on Windows because a folder made under %ProgramData% inherits read access for
    /// every local user, and the engine restricts files to their owner on Unix only.
    /// </summary>
    internal static class RtmpXProtectPrivateFolder
    {
        /// <summary>Creates <paramref name="path"/> if need be and replaces its access list; what is inside inherits it.</summary>
        public static void Restrict(string path)
        {
            Directory.CreateDirectory(path);
            var security = new DirectorySecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            var everything = InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit;
            using (var self = WindowsIdentity.GetCurrent())
            {
                foreach (var account in new[] { self.User, new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null), new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null) })
                {
                    security.AddAccessRule(new FileSystemAccessRule(account, FileSystemRights.FullControl, everything, PropagationFlags.None, AccessControlType.Allow));
                }
            }

            Directory.SetAccessControl(path, security);
        }
    }
}
