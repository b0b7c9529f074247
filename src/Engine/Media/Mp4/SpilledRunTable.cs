using System;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// A run-length sample table (stts, ctts) kept in a side file as it grows: one (count, value)
    /// entry per change of value, which with recorder timestamps (33, 33, 34 ms; B-frame offsets)
    /// is nearly every sample, so in memory it would grow with the length of the recording.
    /// </summary>
    internal sealed class SpilledRunTable : IDisposable
    {
        private readonly FileStream _file;
        private readonly byte[] _entry = new byte[8];
        private uint _count;
        private uint _value;

        public SpilledRunTable(string path)
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }

        /// <summary>The sum of every value added (for stts: the media duration).</summary>
        public ulong Total { get; private set; }

        /// <summary>Adds one sample's value.</summary>
        public void Add(uint value)
        {
            Total += value;
            if (_count > 0 && value == _value)
            {
                _count++;
                return;
            }

            Flush();
            _count = 1;
            _value = value;
        }

        /// <summary>Writes the entry count and the entries into <paramref name="box"/> (the entries spliced from the file).</summary>
        public void WriteTo(BoxWriter box)
        {
            Flush();
            _file.Flush();
            box.UInt32((uint)(_file.Length / 8));
            box.Spliced(_file, _file.Length);
        }

        /// <summary>Closes and deletes the side file.</summary>
        public void Dispose()
        {
            _file.Dispose();
            File.Delete(_file.Name);
        }

        private void Flush()
        {
            if (_count == 0)
            {
                return;
            }

            for (int i = 0; i < 4; i++)
            {
                _entry[i] = (byte)(_count >> (24 - (8 * i)));
                _entry[4 + i] = (byte)(_value >> (24 - (8 * i)));
            }

            // The box writer reads the file from its start when the movie is written.
            _file.Seek(0, SeekOrigin.End);
            _file.Write(_entry, 0, _entry.Length);
            _count = 0;
        }
    }
}
