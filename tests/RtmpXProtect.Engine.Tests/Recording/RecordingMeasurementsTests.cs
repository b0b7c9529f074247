using System;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Recording;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Recording;

/// <summary>Durations remembered between listings, and an FLV being written read on from where the last listing stopped.</summary>
public sealed class RecordingMeasurementsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rtmpx-measure-" + Guid.NewGuid().ToString("N"));
    private readonly string _file;
    private readonly FileStream _output;
    private readonly FlvWriter _writer;

    public RecordingMeasurementsTests()
    {
        _file = Path.Combine(_folder, "live", "cam", "2026-12-02_10-00-00-000000.flv");
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        _output = new FileStream(_file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new FlvWriter(_output, hasAudio: false, hasVideo: true);
        _writer.WriteTag(FlvTagType.Script, 0, new byte[20]);
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Video(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            _writer.WriteTag(FlvTagType.Video, (uint)(1000 + (i * 40)), new byte[300]);
        }

        _output.Flush();
    }

    private RecordingInfo List(RecordingMeasurements measurements) =>
        RecordingCatalog.List(_folder, RecordingOptions.DefaultPattern, measurements: measurements).Single();

    [Fact]
    public void A_growing_flv_is_measured_from_its_first_to_its_last_whole_tag_at_every_listing()
    {
        var measurements = new RecordingMeasurements();
        Video(0, 26);
        Assert.Equal(TimeSpan.FromSeconds(1), List(measurements).Duration);

        Video(26, 51);
        _output.Write(new byte[] { 9, 0, 1, 0 }); // a tag cut off mid-header, as one being written is
        _output.Flush();
        Assert.Equal(TimeSpan.FromSeconds(2), List(measurements).Duration);

        // The same answer a fresh listing, reading the whole file, gives.
        Assert.Equal(TimeSpan.FromSeconds(2), List(new RecordingMeasurements()).Duration);
        Assert.Equal(1, measurements.Count);
    }

    [Fact]
    public void A_file_deleted_since_the_last_listing_is_forgotten()
    {
        var measurements = new RecordingMeasurements();
        Video(0, 5);
        List(measurements);
        _output.Dispose();
        File.Delete(_file);

        Assert.Empty(RecordingCatalog.List(_folder, RecordingOptions.DefaultPattern, measurements: measurements));
        Assert.Equal(0, measurements.Count);
    }

    [Fact]
    public void A_file_that_is_no_flv_says_so_every_time()
    {
        _output.Position = 0;
        _output.Write(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
        _output.Flush();
        var measurements = new RecordingMeasurements();

        Assert.Contains("FLV signature", List(measurements).Error);
        Assert.Contains("FLV signature", List(measurements).Error);
        Assert.Null(List(measurements).Duration);
    }
}
