using System;
using System.CommandLine;
using RtmpXProtect.Cli.Commands;

// Socket completions run on the socket engine's own thread instead of hopping to the thread
// pool: the engine's handlers never block (sends are non-blocking, file writes have their own
// task), and ingest costs half the CPU without the hop (docs/PERFORMANCE.md). Set before the
// first socket exists, which is when .NET reads it; an operator's own setting wins.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") == null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var root = new RootCommand("rtmpx: an RTMP(S) server, client and tools for moving live video into and out of Milestone XProtect.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(PublishCommand.Create());
root.Subcommands.Add(PlayCommand.Create());
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(CertCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(RecordCommand.Create());
root.Subcommands.Add(StreamCommand.Create());
root.Subcommands.Add(ProbeCommand.Create());
root.Subcommands.Add(RtmpXProtect.Cli.XProtect.XProtectCommand.Create());
root.Subcommands.Add(RtmpXProtect.Cli.Instances.InstanceCommand.Create());
root.Subcommands.Add(RtmpXProtect.Cli.Resources.ResourceCommand.Create());

// Ctrl+C and SIGTERM cancel the running verb; recordings need a moment to be finalised.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
return await root.Parse(args).InvokeAsync(invocation);
