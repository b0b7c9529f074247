using System.Drawing;

namespace RtmpXProtect.Plugin
{
    /// <summary>The 16×16 tree icon, drawn rather than shipped as a resource: a play triangle on blue.</summary>
    internal static class RtmpXProtectPluginIcon
    {
        public static Image Create()
        {
            var bitmap = new Bitmap(16, 16);
            using (var graphics = Graphics.FromImage(bitmap))
            using (var background = new SolidBrush(Color.FromArgb(30, 90, 170)))
            {
                // Not red: the Management Client draws its Error overlay in red over the icon.
                graphics.Clear(Color.Transparent);
                graphics.FillEllipse(background, 0, 0, 15, 15);
                graphics.FillPolygon(Brushes.White, new[] { new PointF(6, 4), new PointF(6, 12), new PointF(12, 8) });
            }

            return bitmap;
        }
    }
}
