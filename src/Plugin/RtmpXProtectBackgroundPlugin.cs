using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using Serilog;
using VideoOS.Platform;
using VideoOS.Platform.Background;
using VideoOS.Platform.Messaging;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The Event Server's side: runs the stream items with the engine's <see cref="PluginStreamHost"/>,
    /// applies configuration changes as they are indicated, and answers the Management Clients'
    /// requests (keep keys, state, live log) with the engine's <see cref="PluginRequestResponder"/>.
    /// </summary>
    public sealed class RtmpXProtectBackgroundPlugin : BackgroundPlugin
    {
        // A helper has 5 s to unpublish and exit; the Event Server's shutdown waits no longer than this.
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
        private readonly object _gate = new object();
        private ILogger _log;
        private HelperLauncher _launcher;
        private PluginStreamHost _host;
        private PluginRequestResponder _responder;
        private MessageCommunication _messages;
        private object _requestFilter;
        private object _configurationReceiver;
        private Task _applying = Task.CompletedTask;

        /// <inheritdoc />
        public override Guid Id => RtmpXProtectPluginIds.BackgroundPlugin;

        /// <inheritdoc />
        public override string Name => "RtmpXProtect streams";

        /// <inheritdoc />
        public override List<EnvironmentType> TargetEnvironments => new List<EnvironmentType> { EnvironmentType.Service };

        /// <inheritdoc />
        public override void Init()
        {
            _log = new LoggerConfiguration().WriteTo.Sink(new RtmpXProtectMipLogSink()).CreateLogger();
            try
            {
                // The helpers' configuration names files holding the full URLs: the folder must be private first.
                RtmpXProtectPrivateFolder.Restrict(RtmpXProtectHostOptions.WorkFolder);
                var keys = new RtmpXProtectDpapiKeyStore(Path.Combine(RtmpXProtectHostOptions.WorkFolder, "keys"));
                var systemLog = new RtmpXProtectSystemLog(e => _log.Warning("Writing a System Log entry failed: {Error}", e.Message));
                var host = new PluginStreamHost(RtmpXProtectHostOptions.Create(_log, keys, systemLog, out _launcher));
                _host = host;
                _responder = new PluginRequestResponder(keys, host.State, (id, after) => host.LiveLog(id, after));
                _configurationReceiver = EnvironmentManager.Instance.RegisterReceiver(
                    OnConfigurationChanged, new MessageIdAndRelatedKindFilter(MessageId.Server.ConfigurationChangedIndication, RtmpXProtectPluginIds.StreamKind));
                Queue((host, items) => host.StartAsync(items));
            }
#pragma warning disable CA1031 // The Event Server goes on without the plugin; the reason is in its log.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _log.Error(failure, "RtmpXProtect could not start");
                return;
            }

            try
            {
                var site = EnvironmentManager.Instance.MasterSite.ServerId;
                MessageCommunicationManager.Start(site);
                _messages = MessageCommunicationManager.Get(site);
                _requestFilter = _messages.RegisterCommunicationFilter(OnRequest, new CommunicationIdFilter(PluginMessageIds.Request));
            }
#pragma warning disable CA1031 // The streams run on; only the Management Clients' requests go unanswered.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _log.Error(failure, "RtmpXProtect cannot answer the Management Clients: MIP messaging did not start");
            }
        }

        /// <inheritdoc />
        public override void Close()
        {
            if (_configurationReceiver != null)
            {
                EnvironmentManager.Instance.UnRegisterReceiver(_configurationReceiver);
                _configurationReceiver = null;
            }

            if (_requestFilter != null)
            {
                _messages.UnRegisterCommunicationFilter(_requestFilter);
                _requestFilter = null;
            }

            // Every helper unpublishes and exits; the launcher then ends any that did not.
            var host = _host;
            _host = null;
            try
            {
                host?.DisposeAsync().AsTask().Wait(StopTimeout);
            }
            catch (AggregateException failure)
            {
                _log.Error(failure.GetBaseException(), "Stopping the RtmpXProtect streams failed");
            }

            _launcher?.Dispose();
            _launcher = null;
            (_log as IDisposable)?.Dispose();
        }

        private object OnConfigurationChanged(Message message, FQID destination, FQID sender)
        {
            Queue((host, items) => host.ApplyAsync(items));
            return null;
        }

        // The answer goes back to the endpoint that asked; the request's id pairs them there.
        private object OnRequest(Message message, FQID destination, FQID sender)
        {
            var answer = _responder?.Respond(message.Data as string);
            if (answer != null)
            {
                try
                {
                    _messages.TransmitMessage(new Message(PluginMessageIds.Answer, answer), sender, null, null);
                }
#pragma warning disable CA1031 // MIP's messaging thread must not see it; the Management Client times out and says so.
                catch (Exception failure)
#pragma warning restore CA1031
                {
                    _log.Warning("Answering a Management Client failed: {Error}", failure.Message);
                }
            }

            return null;
        }

        // One apply at a time, each reading the items when its turn comes: the last indication wins.
        private void Queue(Func<PluginStreamHost, IEnumerable<PluginItem>, Task> apply)
        {
            lock (_gate)
            {
                _applying = _applying.ContinueWith(_ => _host is { } host ? apply(host, ReadItems()) : Task.CompletedTask, TaskScheduler.Default).Unwrap().ContinueWith(
                    done =>
                    {
                        if (done.IsFaulted)
                        {
                            _log.Error(done.Exception.GetBaseException(), "Applying the RtmpXProtect items failed");
                        }
                    },
                    TaskScheduler.Default);
            }
        }

        private static List<PluginItem> ReadItems() =>
            Configuration.Instance.GetItemConfigurations(RtmpXProtectPluginIds.Plugin, null, RtmpXProtectPluginIds.StreamKind)
                .Select(item => new PluginItem(item.FQID.ObjectId, item.Name, item.Properties)).ToList();
    }
}
