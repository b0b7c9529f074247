using System;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>What the server runs, sweeps and closes of a connection, whichever protocol it speaks.</summary>
    internal interface IServerConnection
    {
        /// <summary>The server's id for it, in logs and the status API.</summary>
        long Id { get; }

        /// <summary>The peer's address and port, for logs.</summary>
        string Remote { get; }

        /// <summary>Its place in the server's admission counts.</summary>
        AdmissionTicket Ticket { get; }

        /// <summary>Serves the connection until it ends.</summary>
        Task RunAsync(CancellationToken serverStopping);

        /// <summary>Applies the timeouts and the memory budget; called by the server's sweep.</summary>
        void Sweep(TimeSpan now);

        /// <summary>Closes at once; the first reason given is the one logged.</summary>
        void Abort(string reason);
    }
}
