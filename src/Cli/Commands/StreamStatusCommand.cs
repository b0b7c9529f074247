using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Engine.Management;
using Spectre.Console;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx stream list|status|logs`: the configured streams of a running `rtmpx serve`, read from its status API.</summary>
    internal static class StreamStatusCommand
    {
        public static IEnumerable<Command> Create()
        {
            var api = StatusApiCall.ApiOption();
            var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
            var list = new Command("list", "List the streams rtmpx serve runs, with their state.") { api, json };
            list.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var relays = await client.GetStreamsAsync(cancel);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(StatusJson.Serialize(relays));
                    return 0;
                }

                // A stream's row, then one per destination: YouTube may stream while Twitch reconnects.
                var table = new Table().AddColumns("Name", "State", "Destination", "kbit/s", "fps", "Uptime", "Dropped", "Restarts", "Last error");
                foreach (var r in relays)
                {
                    table.AddRow(
                        Markup.Escape(r.Name),
                        Markup.Escape(Shown(r.State, r.Reason)),
                        Markup.Escape(r.Source),
                        r.BitrateKbps.ToString(CultureInfo.InvariantCulture),
                        r.Fps.ToString(CultureInfo.InvariantCulture),
                        StatusApiCall.Uptime(r.Uptime),
                        r.FramesDropped.ToString(CultureInfo.InvariantCulture),
                        r.Restarts.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(r.LastError ?? "-"));
                    foreach (var d in r.Destinations)
                    {
                        table.AddRow(
                            string.Empty,
                            Markup.Escape(d.State.ToString()),
                            Markup.Escape("→ " + d.Destination),
                            d.BitrateKbps.ToString(CultureInfo.InvariantCulture),
                            d.Fps.ToString(CultureInfo.InvariantCulture),
                            StatusApiCall.Uptime(d.Uptime),
                            d.FramesDropped.ToString(CultureInfo.InvariantCulture),
                            string.Empty,
                            Markup.Escape(d.LastError ?? "-"));
                    }
                }

                // Piped output has no width to wrap to; a script greps whole words.
                if (Console.IsOutputRedirected)
                {
                    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
                }

                AnsiConsole.Write(table);
                return 0;
            }));

            var name = new Argument<string>("NAME") { Description = "The stream's name (streams[].name)." };
            var status = new Command("status", "Show one stream's state, last error, uptime, bit rate and frames.") { name, api, json };
            status.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var relay = await client.GetStreamAsync(parse.GetValue(name)!, cancel);
                if (relay == null)
                {
                    Console.Error.WriteLine($"No stream {parse.GetValue(name)}.");
                    return 1;
                }

                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(StatusJson.Serialize(relay));
                    return 0;
                }

                Console.Out.WriteLine($"Stream        {relay.Name}");
                Console.Out.WriteLine($"State         {Shown(relay.State, relay.Reason)}");
                Console.Out.WriteLine($"Source        {relay.Source}");
                Console.Out.WriteLine($"Helper pid    {(relay.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-")}, {relay.Restarts} restarts");
                Console.Out.WriteLine($"Last error    {relay.LastError ?? "-"}");
                Console.Out.WriteLine($"Uptime        {StatusApiCall.Uptime(relay.Uptime)}");
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Source rate   {relay.BitrateKbps} kbit/s, {relay.Fps} fps; {relay.FramesSent} frames sent, {relay.FramesDropped} dropped, {relay.Reconnects} reconnects"));
                foreach (var d in relay.Destinations)
                {
                    Console.Out.WriteLine($"Destination   {d.Destination}");
                    Console.Out.WriteLine($"  State       {d.State}, up {StatusApiCall.Uptime(d.Uptime)}");
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Sent        {d.BitrateKbps} kbit/s, {d.Fps} fps; {d.FramesSent} frames sent, {d.FramesDropped} dropped, {d.Reconnects} reconnects"));
                    Console.Out.WriteLine($"  Last error  {d.LastError ?? "-"}");
                }

                return 0;
            }));

            var logName = new Argument<string>("NAME") { Description = "The stream's name (streams[].name)." };
            var tail = new Option<int>("--tail") { Description = "How many of the last lines to print.", DefaultValueFactory = _ => 40 };
            var follow = new Option<bool>("--follow") { Description = "Keep printing new lines until Ctrl+C." };
            var logs = new Command("logs", "Print a stream's last log lines: levelled, timestamped, keys masked.") { logName, tail, follow, api };
            logs.SetAction((parse, cancel) => StatusApiCall.RunAsync(parse.GetValue(api)!, cancel, async client =>
            {
                var name = parse.GetValue(logName)!;
                var code = await StatusApiCall.PrintLogsAsync((count, after) => client.GetStreamLogAsync(name, count, after, cancel), parse.GetValue(tail), parse.GetValue(follow), cancel);
                if (code == 1)
                {
                    Console.Error.WriteLine($"No stream {name}.");
                }

                return code;
            }));

            return new[] { list, status, logs };
        }



        private static string Shown(RtmpXProtect.Engine.Streaming.StreamerState state, string? reason) => state + (reason == null ? string.Empty : $" ({reason})");

    }
}
