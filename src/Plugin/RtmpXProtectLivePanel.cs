using System;
using System.Drawing;
using System.Threading.Tasks;
using System.Windows.Forms;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// An item's state and its newest 40 live log lines, asked of the Event Server every 500 ms.
    /// The asking runs off the UI thread and one round at a time, so a slow or absent Event Server
    /// never blocks the view; a failure shows as text in the state line.
    /// </summary>
    internal sealed class RtmpXProtectLivePanel : UserControl
    {
        /// <summary>As many lines as the Event Server sends (<see cref="PluginStreamHostOptions.LiveLogLines"/>'s default).</summary>
        public const int Lines = 40;

        private readonly PluginRequestChannel _channel;
        private readonly Label _state = new Label { Dock = DockStyle.Top, AutoSize = false, Height = 36, Text = string.Empty };
        private readonly ListBox _log = new ListBox { Dock = DockStyle.Fill, IntegralHeight = false, HorizontalScrollbar = true, Font = new Font(FontFamily.GenericMonospace, 8.25f) };
        private readonly Timer _timer = new Timer { Interval = 500 };
        private Guid _itemId;
        private long _after;
        private int _round;
        private bool _asking;

        /// <summary>A panel that asks through <paramref name="channel"/>.</summary>
        public RtmpXProtectLivePanel(PluginRequestChannel channel)
        {
            _channel = channel;
            Controls.Add(_log);
            Controls.Add(_state);
            _timer.Tick += (_, __) => Ask();
        }

        /// <summary>Shows item <paramref name="itemId"/> from now on.</summary>
        public void Follow(Guid itemId)
        {
            _round++;
            _itemId = itemId;
            _after = 0;
            _log.Items.Clear();
            _state.Text = "Asking the Event Server…";
            _timer.Start();
        }

        /// <summary>Stops asking; an answer still on its way is dropped.</summary>
        public void Stop()
        {
            _timer.Stop();
            _round++;
            _itemId = Guid.Empty;
            _state.Text = string.Empty;
            _log.Items.Clear();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _timer.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Ask()
        {
            if (_asking || _itemId == Guid.Empty)
            {
                return;
            }

            _asking = true;
            var (item, after, round) = (_itemId, _after, _round);
            Task.Run(async () => (State: await _channel.StateAsync(item).ConfigureAwait(false), Lines: await _channel.LiveLogAsync(item, after).ConfigureAwait(false)))
                .ContinueWith(done => Show(done, round), TaskScheduler.FromCurrentSynchronizationContext());
        }

        private void Show(Task<(ItemState State, System.Collections.Generic.IReadOnlyList<LogLine> Lines)> done, int round)
        {
            _asking = false;
            if (IsDisposed || round != _round)
            {
                return;
            }

            if (done.IsFaulted)
            {
                _state.Text = "Event Server: " + done.Exception.GetBaseException().Message;
                return;
            }

            var (state, lines) = done.Result;
            _state.Text = state == null
                ? "Not running on the Event Server (is the item saved?)"
                : state.State + (state.Reason == null ? string.Empty : ": " + state.Reason);
            if (lines.Count == 0)
            {
                return;
            }

            _log.BeginUpdate();
            foreach (var line in lines)
            {
                _log.Items.Add(line.Text);
                _after = line.Sequence;
            }

            while (_log.Items.Count > Lines)
            {
                _log.Items.RemoveAt(0);
            }

            _log.TopIndex = Math.Max(0, _log.Items.Count - 1);
            _log.EndUpdate();
        }
    }
}
