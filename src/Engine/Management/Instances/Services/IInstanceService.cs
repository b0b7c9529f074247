using System.Net;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>What runs an instance: a systemd unit, a Windows service, or nothing of ours.</summary>
    public interface IInstanceService
    {
        /// <summary>Which kind this is.</summary>
        ServiceKind Kind { get; }

        /// <summary>
        /// Throws, before anything is written, when this machine cannot run this kind (no systemd
        /// running, not Windows), so a set that cannot succeed changes nothing.
        /// </summary>
        /// <exception cref="ResourceOperationException">This kind is not available here.</exception>
        void EnsureAvailable();

        /// <summary>Whether what runs the instance is in place as <see cref="Install"/> would leave it.</summary>
        bool IsInstalled(string name, InstanceLayout layout);

        /// <summary>Puts in place (or updates) what runs the instance, enabled at boot; true when something changed.</summary>
        bool Install(string name, InstanceLayout layout, OperationLog log);

        /// <summary>Stops and removes what runs the instance; nothing when there is none.</summary>
        void Uninstall(string name, OperationLog log);

        /// <summary>Whether the instance runs now; null when this kind cannot tell.</summary>
        /// <param name="name">The instance.</param>
        /// <param name="api">Its status API, which is how a kind without a manager tells.</param>
        InstanceRunState? State(string name, IPEndPoint? api);

        /// <summary>Starts the instance; it is ready when this returns.</summary>
        void Start(string name);

        /// <summary>Stops the instance.</summary>
        void Stop(string name);
    }
}
