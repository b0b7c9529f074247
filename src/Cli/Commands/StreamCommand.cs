using System.CommandLine;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx stream`: run a stream, define the streams of rtmpx.json, and see the streams a running `rtmpx serve` sends on.</summary>
    internal static class StreamCommand
    {
        public static Command Create()
        {
            var command = new Command("stream", "Send a stream on to RTMP(S) destinations (YouTube, Twitch, any server), and watch the streams rtmpx serve runs.");
            command.Subcommands.Add(StreamRunCommand.Create());
            foreach (var edit in StreamEditCommand.Create())
            {
                command.Subcommands.Add(edit);
            }

            foreach (var status in StreamStatusCommand.Create())
            {
                command.Subcommands.Add(status);
            }

            return command;
        }
    }
}
