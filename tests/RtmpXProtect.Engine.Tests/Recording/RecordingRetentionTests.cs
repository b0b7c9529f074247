using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Recording;

/// <summary>Retention by age and by size per path, and the catalog both read, over files laid out as the recorder names them.</summary>
public sealed class RecordingRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("rtmpx-retain-").FullName;
    private readonly LogCapture _log = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A file of path started hoursAgo, last written a minute before the next one, of the given size.
    private string Recorded(string path, double hoursAgo, int bytes, string extension = ".mp4")
    {
        var start = Now.AddHours(-hoursAgo).UtcDateTime;
        var file = Path.Combine(_folder, RecordingNames.Expand(RecordingOptions.DefaultPattern, path, start) + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, new byte[bytes]);
        File.SetLastWriteTimeUtc(file, start.AddMinutes(59));
        return file;
    }

    private IReadOnlyList<string> Apply(RecordingOptions options, params string[] inProgress)
        => RecordingRetention.Apply(_folder, options, new HashSet<string>(inProgress), Now, _log.Logger);

    [Fact]
    public void Files_that_ended_longer_ago_than_the_age_go_with_their_empty_folders_and_nothing_else_does()
    {
        var old1 = Recorded("live/cam1", 5, 10);
        var old2 = Recorded("live/cam1", 4, 10);
        var recent = Recorded("live/cam1", 1, 10);
        var oldAlone = Recorded("live/cam2", 6, 10, ".flv");
        var writing = Recorded("live/cam3", 9, 10);
        var notes = Path.Combine(_folder, "live", "cam1", "notes.txt");
        File.WriteAllText(notes, "kept");
        File.SetLastWriteTimeUtc(notes, Now.AddDays(-30).UtcDateTime);

        var deleted = Apply(new RecordingOptions { DeleteAfter = TimeSpan.FromHours(2) }, writing);

        Assert.Equal(new[] { old1, old2, oldAlone }.OrderBy(f => f), deleted.OrderBy(f => f));
        Assert.True(File.Exists(recent) && File.Exists(writing) && File.Exists(notes));
        Assert.False(Directory.Exists(Path.Combine(_folder, "live", "cam2")), "an emptied path folder goes");
        Assert.Equal(3, _log.Lines.Count(l => l.StartsWith("Deleted recording", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_path_over_its_size_loses_its_oldest_files_until_it_fits_and_other_paths_keep_theirs()
    {
        var cam1 = Enumerable.Range(0, 4).Select(i => Recorded("live/cam1", 10 - i, 1000)).ToList();
        var cam2 = Enumerable.Range(0, 3).Select(i => Recorded("live/cam2", 10 - i, 1000)).ToList();

        var deleted = Apply(new RecordingOptions { MaxBytesPerPath = 2500 }, cam1[0]);

        // cam1's oldest is being written (a long segment): the next oldest go instead.
        Assert.Equal(new[] { cam1[1], cam1[2], cam2[0] }.OrderBy(f => f), deleted.OrderBy(f => f));
        Assert.True(File.Exists(cam1[0]) && File.Exists(cam1[3]) && File.Exists(cam2[1]) && File.Exists(cam2[2]));
    }

    [Fact]
    public void Without_a_limit_nothing_is_deleted()
    {
        var file = Recorded("live/cam1", 1000, 10_000);

        Assert.Empty(Apply(new RecordingOptions()));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void The_catalog_lists_the_patterns_files_oldest_first_with_path_start_size_and_what_is_being_written()
    {
        var first = Recorded("live/cam1", 3, 100);
        Recorded("live/cam2", 2, 200, ".flv");
        var writing = Recorded("live/cam1", 1, 300);
        File.WriteAllText(Path.Combine(_folder, "live", "cam1", "notes.txt"), "not a recording");

        var all = RecordingCatalog.List(_folder, RecordingOptions.DefaultPattern, new HashSet<string> { writing });
        var cam1 = RecordingCatalog.List(_folder, RecordingOptions.DefaultPattern, path: "live/cam1");

        Assert.Equal(new[] { "live/cam1", "live/cam2", "live/cam1" }, all.Select(r => r.Path));
        Assert.Equal(new[] { 100L, 200, 300 }, all.Select(r => r.Bytes));
        Assert.Equal(new[] { false, false, true }, all.Select(r => r.InProgress));
        Assert.Equal(Now.AddHours(-3), all[0].Start);
        Assert.Equal(RecordingFormat.Flv, all[1].Format);
        Assert.Equal(Path.GetRelativePath(_folder, first).Replace('\\', '/'), all[0].File);
        Assert.Equal(2, cam1.Count);

        // Zeros are no MP4: the file is listed, without a duration, saying why.
        Assert.Null(all[0].Duration);
        Assert.Contains("ftyp", all[0].Error);
    }

    [Fact]
    public void A_missing_folder_has_no_recordings()
    {
        Assert.Empty(RecordingCatalog.List(Path.Combine(_folder, "absent"), RecordingOptions.DefaultPattern));
    }
}
