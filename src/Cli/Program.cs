using System;
using System.CommandLine;
using RtmpXProtect.Cli.Commands;

var root = new RootCommand("rtmpx: an RTMP(S) server, client and tools for moving live video into and out of Milestone XProtect.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(PublishCommand.Create());
root.Subcommands.Add(PlayCommand.Create());

// Ctrl+C and SIGTERM cancel the running verb; recordings need a moment to be finalised.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
return await root.Parse(args).InvokeAsync(invocation);
