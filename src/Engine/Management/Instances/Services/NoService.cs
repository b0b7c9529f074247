using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances.Services
{
    /// <summary>
    /// service: none. Everything of the instance is written, and running it is left to the
    /// operator's supervisor (a container's init, a test): ROOT/bin/rtmpx serve --config ROOT/rtmpx.json.
    /// Its state is read from its status API, the one thing it shares with whoever runs it.
    /// </summary>
    public sealed class NoService : IInstanceService
    {
        /// <inheritdoc/>
        public ServiceKind Kind => ServiceKind.None;

        /// <inheritdoc/>
        public void EnsureAvailable()
        {
        }

        /// <inheritdoc/>
        public bool IsInstalled(string name, InstanceLayout layout) => true;

        /// <inheritdoc/>
        public bool Install(string name, InstanceLayout layout, OperationLog log) => false;

        /// <inheritdoc/>
        public void Uninstall(string name, OperationLog log)
        {
        }

        /// <inheritdoc/>
        public InstanceRunState? State(string name, IPEndPoint? api)
        {
            if (api == null)
            {
                return null;
            }

            using var client = new StatusApiClient(new Uri("http://" + api));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                client.GetServerStatusAsync(timeout.Token).GetAwaiter().GetResult();
                return InstanceRunState.Running;
            }
            catch (Exception e) when (e is StatusApiException || e is OperationCanceledException)
            {
                return InstanceRunState.Stopped;
            }
        }

        /// <inheritdoc/>
        public void Start(string name)
        {
        }

        /// <inheritdoc/>
        public void Stop(string name)
        {
        }

    }
}
