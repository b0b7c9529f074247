using System;
using System.Collections.Generic;
using System.Drawing;
using System.Windows.Forms;
using RtmpXProtect.Build.MipFacade;
using RtmpXProtect.Build.MipPlatformFacade;

namespace VideoOS.Platform.Admin
{
    [MipSource(Sources.Definition)]
    [MipSource(Sources.CarrouselDefinition)]
    [MipSource(Sources.SdkNotes)] // the namespace
    public class ItemNode
    {
        [MipSource(Sources.Definition)]
        [MipSource(Sources.CarrouselDefinition)]
        public ItemNode(Guid kind, Guid parentKind, string name, Image image, string namePlural, Image imagePlural, Category category, bool includeInExport, ItemsAllowed itemsAllowed, ItemManager itemManager, List<ItemNode> childItemNodes) => throw null;
    }

    // VideoOS.Platform.Admin.Category with its values, from the seed's SDK notes.
    [MipSource(Sources.SdkNotes)]
    public enum Category
    {
        [MipSource(Sources.SdkNotes)]
        Server = 0,

        [MipSource(Sources.SdkNotes)]
        VideoIn = 1,

        [MipSource(Sources.SdkNotes)]
        VideoOut = 2,

        [MipSource(Sources.SdkNotes)]
        AudioIn = 3,

        [MipSource(Sources.SdkNotes)]
        AudioOut = 4,

        [MipSource(Sources.SdkNotes)]
        TriggerIn = 5,

        [MipSource(Sources.SdkNotes)]
        TriggerOut = 6,

        [MipSource(Sources.SdkNotes)]
        Text = 7,

        [MipSource(Sources.SdkNotes)]
        Unknown = 8,

        [MipSource(Sources.SdkNotes)]
        Layout = 9,
    }

    [MipSource(Sources.Definition)]
    [MipSource(Sources.SdkNotes)]
    public enum ItemsAllowed
    {
        [MipSource(Sources.SdkNotes)]
        One,

        [MipSource(Sources.Definition)]
        Many,
    }

    // Only Init and Close are abstract here: Milestone's Chat sample overrides no other member but
    // the detail view, and its BatAction sample none of the user-control members.
    [MipSource(Sources.ItemManager)]
    [MipSource(Sources.CarrouselItemManager)]
    public abstract class ItemManager
    {
        [MipSource(Sources.CarrouselItemManager)] // : base()
        protected ItemManager() => throw null;

        [MipSource(Sources.ItemManager)]
        public Item CurrentItem { get => throw null; set => throw null; }

        [MipSource(Sources.ItemManager)] // the user control's ConfigurationChangedByUser marks the item as changed
        [MipSource(Sources.CarrouselItemManager)]
        protected void ConfigurationChangedByUserHandler(object sender, EventArgs e) => throw null;

        [MipSource(Sources.ItemManager)]
        public abstract void Init();

        [MipSource(Sources.ItemManager)]
        public abstract void Close();

        [MipSource(Sources.ItemManager)]
        public virtual UserControl GenerateDetailUserControl() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual void ReleaseUserControl() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual void FillUserControl(Item item) => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual void ClearUserControl() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual bool ValidateAndSaveUserControl() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual string GetItemName() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual void SetItemName(string name) => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual List<Item> GetItems() => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual List<Item> GetItems(Item parentItem) => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual Item GetItem(FQID fqid) => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual Item CreateItem(Item parentItem, FQID suggestedFQID) => throw null;

        [MipSource(Sources.ItemManager)]
        public virtual void DeleteItem(Item item) => throw null;
    }
}
