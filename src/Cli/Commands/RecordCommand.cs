using System.CommandLine;
using System.Globalization;
using System.Linq;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Engine.Recording;
using Spectre.Console;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx record list`: the recordings of a running `rtmpx serve`, from its status API.</summary>
    internal static class RecordCommand
    {
        public static Command Create()
        {
            var api = StatusApiCall.ApiOption();
            var path = new Option<string?>("--path") { Description = "Only this path's recordings (app/stream)." };
            var json = new Option<bool>("--json") { Description = "Print the recordings as JSON instead of a table." };
            var list = new Command("list", "List the recorded files, oldest first: path, start (UTC), duration, size.") { api, path, json };
            list.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var recordings = await client.GetRecordingsAsync(parse.GetValue(path), cancel);
                if (parse.GetValue(json))
                {
                    System.Console.Out.WriteLine(StatusJson.Serialize(recordings));
                    return 0;
                }

                var table = new Table().AddColumns("Path", "Start (UTC)", "Duration", "Size", "File");
                foreach (var r in recordings)
                {
                    table.AddRow(
                        Markup.Escape(r.Path),
                        r.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        r.Duration is { } d ? StatusApiCall.Uptime(d) : "?",
                        Size(r.Bytes),
                        Markup.Escape(r.File + (r.InProgress ? " (recording)" : string.Empty)));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} files, {1}", recordings.Count, Size(recordings.Sum(r => r.Bytes)));
                return 0;
            }));

            return new Command("record", "Look at the recordings of a running rtmpx serve.") { list };
        }

        private static string Size(long bytes) => bytes >= 1 << 30
            ? (bytes / (double)(1 << 30)).ToString("0.00 GiB", CultureInfo.InvariantCulture)
            : (bytes / (double)(1 << 20)).ToString("0.0 MiB", CultureInfo.InvariantCulture);
    }
}
