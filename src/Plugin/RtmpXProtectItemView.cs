using System;
using System.Collections.Generic;
using System.Linq;
using System.Windows.Forms;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// A stream item's detail view: what the administrator edits (camera, destinations, options)
    /// read as a <see cref="PluginItemEntry"/>, and the item's live state below. Destinations show
    /// masked; a masked line left as it was keeps the key the Event Server holds for it.
    /// </summary>
    internal sealed class RtmpXProtectItemView : UserControl
    {
        private readonly TextBox _cameraId = new TextBox { Dock = DockStyle.Fill };
        private readonly TextBox _cameraName = new TextBox { Dock = DockStyle.Fill };
        private readonly TextBox _destinations = new TextBox { Dock = DockStyle.Fill, Multiline = true, ScrollBars = ScrollBars.Vertical, Height = 96, WordWrap = false };
        private readonly CheckBox _untrusted = new CheckBox { AutoSize = true, Text = "Allow untrusted destination certificates" };
        private readonly CheckBox _enabled = new CheckBox { AutoSize = true, Text = "Enabled" };
        private readonly ComboBox _audio = new ComboBox { DropDownStyle = ComboBoxStyle.DropDownList };
        private readonly Label _problem = new Label { AutoSize = true, ForeColor = System.Drawing.Color.Firebrick };
        private readonly RtmpXProtectLivePanel _live;
        private bool _filling;

        /// <summary>A view whose live part asks through <paramref name="channel"/>.</summary>
        public RtmpXProtectItemView(PluginRequestChannel channel)
        {
            _live = new RtmpXProtectLivePanel(channel) { Dock = DockStyle.Fill };
            _audio.Items.AddRange(Enum.GetNames(typeof(AudioMode)));
            var form = new TableLayoutPanel { Dock = DockStyle.Fill, ColumnCount = 2, RowCount = 8 };
            form.ColumnStyles.Add(new ColumnStyle(SizeType.AutoSize));
            form.ColumnStyles.Add(new ColumnStyle(SizeType.Percent, 100));
            Row(form, "Camera id", _cameraId);
            Row(form, "Camera name", _cameraName);
            Row(form, "Destinations (one rtmp:// or rtmps:// URL a line)", _destinations);
            Row(form, string.Empty, _untrusted);
            Row(form, string.Empty, _enabled);
            Row(form, "Audio", _audio);
            Row(form, string.Empty, _problem);
            Row(form, "State and live log", _live, SizeType.Percent);
            Controls.Add(form);
            foreach (var control in new Control[] { _cameraId, _cameraName, _destinations, _audio })
            {
                control.TextChanged += OnUserChange;
            }

            _untrusted.CheckedChanged += OnUserChange;
            _enabled.CheckedChanged += OnUserChange;
        }

        /// <summary>The administrator changed something (the Management Client then offers to save).</summary>
        internal event EventHandler ConfigurationChangedByUser;

        /// <summary>The camera name entered, to name the item by.</summary>
        public string CameraName => _cameraName.Text.Trim();

        /// <summary>Shows item <paramref name="itemId"/> as its properties hold it, and follows its state.</summary>
        public void ShowItem(Guid itemId, IDictionary<string, string> properties)
        {
            Fill(new PluginItem(itemId, string.Empty, properties));
            _live.Follow(itemId);
        }

        /// <summary>Empties the view and stops following.</summary>
        public void Clear()
        {
            _live.Stop();
            Fill(new PluginItem(Guid.Empty, string.Empty, new Dictionary<string, string>()));
        }

        /// <summary>What is entered; the Event Server checks it.</summary>
        public PluginItemEntry Entry() => new PluginItemEntry
        {
            CameraId = Guid.TryParse(_cameraId.Text.Trim(), out var camera) ? camera : Guid.Empty,
            CameraName = CameraName,
            Destinations = _destinations.Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            AllowUntrustedCertificate = _untrusted.Checked,
            Enabled = _enabled.Checked,
            Audio = Enum.TryParse(_audio.SelectedItem as string, out AudioMode audio) ? audio : AudioMode.Auto,
        };

        /// <summary>Why the last save failed, in the view (rule errors name the property, never a value).</summary>
        public void ShowProblem(string text) => _problem.Text = text ?? string.Empty;

        private void Fill(PluginItem item)
        {
            _filling = true;
            _cameraId.Text = Value(item, PluginItemKeys.CameraId);
            _cameraName.Text = Value(item, PluginItemKeys.CameraName);
            _destinations.Text = string.Join(Environment.NewLine, PluginItemMapper.MaskedDestinations(item));
            _untrusted.Checked = Flag(item, PluginItemKeys.AllowUntrustedCertificate, false);
            _enabled.Checked = Flag(item, PluginItemKeys.Enabled, true);
            _audio.SelectedItem = Enum.TryParse(Value(item, PluginItemKeys.Audio), true, out AudioMode audio) ? audio.ToString() : AudioMode.Auto.ToString();
            _problem.Text = string.Empty;
            _filling = false;
        }

        private static void Row(TableLayoutPanel form, string label, Control control, SizeType height = SizeType.AutoSize)
        {
            form.RowStyles.Add(height == SizeType.Percent ? new RowStyle(SizeType.Percent, 100) : new RowStyle(height));
            form.Controls.Add(new Label { Text = label, AutoSize = true, Anchor = AnchorStyles.Left | AnchorStyles.Top, Padding = new Padding(0, 6, 0, 0) });
            form.Controls.Add(control);
        }

        private static string Value(PluginItem item, string key) => item.Properties.TryGetValue(key, out var value) ? value ?? string.Empty : string.Empty;

        private static bool Flag(PluginItem item, string key, bool fallback) => bool.TryParse(Value(item, key), out var value) ? value : fallback;

        private void OnUserChange(object sender, EventArgs e)
        {
            if (!_filling)
            {
                ConfigurationChangedByUser?.Invoke(this, EventArgs.Empty);
            }
        }
    }
}
