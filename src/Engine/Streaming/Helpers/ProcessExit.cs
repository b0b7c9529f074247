using System.Diagnostics;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// netstandard2.0 has no Process.WaitForExitAsync: a task that completes on the Exited event,
    /// for a process started with EnableRaisingEvents.
    /// </summary>
    internal static class ProcessExit
    {
        public static Task WhenExited(Process process)
        {
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);

            // An exit before the handler was added raised the event for nobody.
            if (process.HasExited)
            {
                exited.TrySetResult(true);
            }

            return exited.Task;
        }
    }
}
