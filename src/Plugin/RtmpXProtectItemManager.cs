using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Windows.Forms;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using VideoOS.Platform;
using VideoOS.Platform.Admin;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The stream items in the Management Client. It never holds a stream key: a save sends what
    /// was entered to the Event Server, which keeps the keys and answers with the masked property
    /// bag, and that bag is what is saved as the item's configuration.
    /// </summary>
    public sealed class RtmpXProtectItemManager : ItemManager
    {
        private readonly Guid _kind;
        private RtmpXProtectEventServerLink _link;
        private RtmpXProtectItemView _view;

        /// <summary>The manager of items of <paramref name="kind"/>.</summary>
        public RtmpXProtectItemManager(Guid kind)
        {
            _kind = kind;
        }

        private PluginRequestChannel Channel => (_link ?? (_link = new RtmpXProtectEventServerLink())).Channel;

        /// <inheritdoc />
        public override void Init()
        {
        }

        /// <inheritdoc />
        public override void Close()
        {
            ReleaseUserControl();
            _link?.Dispose();
            _link = null;
        }

        /// <inheritdoc />
        public override UserControl GenerateDetailUserControl()
        {
            _view = new RtmpXProtectItemView(Channel);
            _view.ConfigurationChangedByUser += ConfigurationChangedByUserHandler;
            return _view;
        }

        /// <inheritdoc />
        public override void ReleaseUserControl()
        {
            if (_view != null)
            {
                _view.ConfigurationChangedByUser -= ConfigurationChangedByUserHandler;
                _view.Clear();
                _view = null;
            }
        }

        /// <inheritdoc />
        public override void FillUserControl(Item item)
        {
            CurrentItem = item;
            _view?.ShowItem(item.FQID.ObjectId, item.Properties);
        }

        /// <inheritdoc />
        public override void ClearUserControl()
        {
            CurrentItem = null;
            _view?.Clear();
        }

        /// <inheritdoc />
        public override bool ValidateAndSaveUserControl()
        {
            var item = CurrentItem;
            if (item == null || _view == null)
            {
                return true;
            }

            var entry = _view.Entry();
            Dictionary<string, string> properties;
            try
            {
                properties = Await(() => Channel.SaveAsync(item.FQID.ObjectId, entry));
            }
            catch (Exception failure) when (failure is PluginItemException || failure is PluginMessageException || failure is ObjectDisposedException)
            {
                _view.ShowProblem(failure.Message);
                return false;
            }

            foreach (var property in properties)
            {
                item.Properties[property.Key] = property.Value;
            }

            Configuration.Instance.SaveItemConfiguration(RtmpXProtectPluginIds.Plugin, item);
            _view.ShowItem(item.FQID.ObjectId, item.Properties);
            return true;
        }

        /// <inheritdoc />
        public override string GetItemName() => _view != null && _view.CameraName.Length > 0 ? _view.CameraName : CurrentItem?.Name ?? string.Empty;

        /// <inheritdoc />
        public override void SetItemName(string name)
        {
            if (CurrentItem != null)
            {
                CurrentItem.Name = name;
            }
        }

        /// <inheritdoc />
        public override List<Item> GetItems() => Configuration.Instance.GetItemConfigurations(RtmpXProtectPluginIds.Plugin, null, _kind);

        /// <inheritdoc />
        public override List<Item> GetItems(Item parentItem) => Configuration.Instance.GetItemConfigurations(RtmpXProtectPluginIds.Plugin, parentItem, _kind);

        /// <inheritdoc />
        public override Item GetItem(FQID fqid) => Configuration.Instance.GetItemConfiguration(RtmpXProtectPluginIds.Plugin, _kind, fqid.ObjectId);

        /// <inheritdoc />
        public override Item CreateItem(Item parentItem, FQID suggestedFQID)
        {
            // No destination yet: the Event Server shows it as an error until one is saved.
            CurrentItem = new Item(suggestedFQID, "New RTMP stream");
            CurrentItem.Properties[PluginItemKeys.Enabled] = "true";
            Configuration.Instance.SaveItemConfiguration(RtmpXProtectPluginIds.Plugin, CurrentItem);
            _view?.ShowItem(CurrentItem.FQID.ObjectId, CurrentItem.Properties);
            return CurrentItem;
        }

        /// <inheritdoc />
        public override void DeleteItem(Item item)
        {
            if (item == null)
            {
                return;
            }

            try
            {
                Await(async () =>
                {
                    await Channel.DeleteAsync(item.FQID.ObjectId).ConfigureAwait(false);
                    return true;
                });
            }
            catch (Exception failure) when (failure is PluginMessageException || failure is ObjectDisposedException)
            {
                // The item goes all the same; its keys stay sealed on the Event Server until it is created again.
                MessageBox.Show("The item is deleted, but the Event Server did not confirm it forgot the stream keys: " + failure.Message, "RtmpXProtect", MessageBoxButtons.OK, MessageBoxIcon.Warning);
            }

            Configuration.Instance.DeleteItemConfiguration(RtmpXProtectPluginIds.Plugin, item);
        }

        // The request runs on the pool (sending may start MIP messaging, which takes seconds); the UI
        // thread waits no longer than the channel's own timeout, after which the channel has failed it.
        private static T Await<T>(Func<Task<T>> request)
        {
            var task = Task.Run(request);

            // The wait handle, not Task.Wait: a failure then surfaces as itself, not wrapped.
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(RtmpXProtectEventServerLink.Timeout + TimeSpan.FromSeconds(1)))
            {
                throw new PluginMessageException("The Event Server did not answer in time.");
            }

            return task.GetAwaiter().GetResult();
        }
    }
}
