using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Status;
using Spectre.Console;


namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx status`: what a running `rtmpx serve --api` is doing, and dropping a session.</summary>
    internal static class StatusCommand
    {
        public static Command Create()
        {
            var api = StatusApiCall.ApiOption();
            var json = new Option<bool>("--json") { Description = "Print the status as JSON instead of tables." };
            var command = new Command("status", "Show the streams and sessions of a running rtmpx serve.") { api, json };
            command.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var status = await client.GetServerStatusAsync(cancel);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(StatusJson.Serialize(status));
                }
                else
                {
                    Print(status);
                }

                return 0;
            }));

            var id = new Argument<long>("ID") { Description = "The session id (see rtmpx status)." };
            var drop = new Command("drop", "Close a session at once; its log line and the metrics say an operator dropped it.") { id };
            drop.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var session = parse.GetValue(id);
                if (await client.DropSessionAsync(session, cancel))
                {
                    Console.Out.WriteLine($"Dropped session {session}.");
                    return 0;
                }

                Console.Error.WriteLine($"No session {session}.");
                return 1;
            }));

            var tail = new Option<int>("--tail") { Description = "How many of the last lines to print.", DefaultValueFactory = _ => 40 };
            var follow = new Option<bool>("--follow") { Description = "Keep printing new lines until Ctrl+C." };
            var logs = new Command("logs", "Print the server's last log lines.") { tail, follow };
            logs.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                return await StatusApiCall.PrintLogsAsync(async (count, after) => await client.GetServerLogAsync(count, after, cancel), parse.GetValue(tail), parse.GetValue(follow), cancel);
            }));

            command.Subcommands.Add(drop);
            command.Subcommands.Add(logs);
            return command;
        }


        private static void Print(ServerStatus status)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Up {0}, {1} connections", Markup.Escape(StatusApiCall.Uptime(status.Uptime)), status.Connections);
            var streams = new Table().AddColumns("Path", "Publisher", "Video", "Audio", "kbit/s", "Players", "Uptime");
            foreach (var s in status.Streams)
            {
                var video = s.VideoCodec == null ? "-" : s.Width > 0 ? $"{s.VideoCodec} {s.Width}x{s.Height}" : s.VideoCodec;
                streams.AddRow(
                    Markup.Escape(s.Path),
                    Markup.Escape(s.IsPublished ? $"#{s.PublisherSessionId} {s.PublisherAddress}" : "(waiting)"),
                    Markup.Escape(video),
                    Markup.Escape(s.AudioCodec ?? "-"),
                    s.BitrateKbps.ToString("0.0", CultureInfo.InvariantCulture),
                    s.Players.ToString(CultureInfo.InvariantCulture),
                    StatusApiCall.Uptime(s.Uptime));
            }

            AnsiConsole.Write(streams);
            var sessions = new Table().AddColumns("Id", "Remote", "Protocol", "Role", "Path", "Connected", "Bytes in", "Bytes out");
            foreach (var s in status.Sessions)
            {
                sessions.AddRow(
                    s.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(s.Remote),
                    s.Transport == "udp" ? s.Protocol + "/udp" : s.Protocol,
                    s.Role.ToString(),
                    Markup.Escape(s.Path ?? "-"),
                    s.ConnectedAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    s.BytesIn.ToString(CultureInfo.InvariantCulture),
                    s.BytesOut.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(sessions);
        }

    }
}
