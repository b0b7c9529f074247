using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// How many connections the server takes, from whom, and how long a connection may stay
    /// without doing what it came for. Every rejection and timeout these cause carries a named
    /// reason (<see cref="RejectionReason"/>) that logs and metrics use. Setters refuse values
    /// outside their range, so a bad configuration file fails when it is read, not under load.
    /// </summary>
    public sealed class AdmissionLimits
    {
        private int _maxConnections = 1000;
        private int _maxConnectionsPerAddress = 50;
        private int _newConnectionsPerSecondPerAddress = 10;
        private int _maxUndecidedConnections = 64;
        private TimeSpan _decisionTimeout = TimeSpan.FromSeconds(10);
        private TimeSpan _videoDataTimeout = TimeSpan.FromSeconds(15);
        private TimeSpan _receiveIdleTimeout = TimeSpan.FromSeconds(30);
        private long _memoryBudgetPerConnection = 64L * 1024 * 1024;

        /// <summary>Most connections at once (1–100000). Default 1000: the XProtect driver's seed allowed 32, which idle peers exhausted.</summary>
        public int MaxConnections
        {
            get => _maxConnections;
            set => _maxConnections = Check(value, 1, 100_000, nameof(MaxConnections));
        }

        /// <summary>Most connections from one address (1–100000). Default 50: an encoder uses one, a NAT'd site a handful of players.</summary>
        public int MaxConnectionsPerAddress
        {
            get => _maxConnectionsPerAddress;
            set => _maxConnectionsPerAddress = Check(value, 1, 100_000, nameof(MaxConnectionsPerAddress));
        }

        /// <summary>New connections per second per address (1–100000; token bucket, burst of the same size). Default 10, as the seed.</summary>
        public int NewConnectionsPerSecondPerAddress
        {
            get => _newConnectionsPerSecondPerAddress;
            set => _newConnectionsPerSecondPerAddress = Check(value, 1, 100_000, nameof(NewConnectionsPerSecondPerAddress));
        }

        /// <summary>
        /// Connections that have not yet been allowed to publish or play (1–100000). Default 64: a separate,
        /// small cap, so idle or slow peers cannot take the places of real publishers.
        /// </summary>
        public int MaxUndecidedConnections
        {
            get => _maxUndecidedConnections;
            set => _maxUndecidedConnections = Check(value, 1, 100_000, nameof(MaxUndecidedConnections));
        }

        /// <summary>Time from accept to an allowed publish or play (100 ms–1 h). Default 10 s, as the seed's publish timeout.</summary>
        public TimeSpan DecisionTimeout
        {
            get => _decisionTimeout;
            set => _decisionTimeout = Check(value, nameof(DecisionTimeout));
        }

        /// <summary>Time a publisher may send no video, after it sent some, before it is dropped (100 ms–1 h). Default 15 s, as the seed.</summary>
        public TimeSpan VideoDataTimeout
        {
            get => _videoDataTimeout;
            set => _videoDataTimeout = Check(value, nameof(VideoDataTimeout));
        }

        /// <summary>
        /// Time a connection may send nothing at all (100 ms–1 h). Default 30 s, as the seed's TCP receive
        /// timeout; the server pings a connection quiet for half of it, so a healthy player that only
        /// receives answers and stays.
        /// </summary>
        public TimeSpan ReceiveIdleTimeout
        {
            get => _receiveIdleTimeout;
            set => _receiveIdleTimeout = Check(value, nameof(ReceiveIdleTimeout));
        }

        /// <summary>Bytes one connection may hold in partial messages and queued output together (1 MiB–4 GiB). Default 64 MiB.</summary>
        public long MemoryBudgetPerConnection
        {
            get => _memoryBudgetPerConnection;
            set
            {
                if (value < MinMemoryBudget || value > MaxMemoryBudget)
                {
                    throw new ArgumentOutOfRangeException(nameof(MemoryBudgetPerConnection), value, "MemoryBudgetPerConnection must be 1 MiB–4 GiB (1048576–4294967296 bytes).");
                }

                _memoryBudgetPerConnection = value;
            }
        }

        // One message of WireLimits' largest size must fit, and a budget above 4 GiB is no budget.
        private const long MinMemoryBudget = 1024L * 1024;
        private const long MaxMemoryBudget = 4L * 1024 * 1024 * 1024;

        private static int Check(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be {min}–{max}.");
            }

            return value;
        }

        // Under 100 ms the 250 ms sweep cannot honour it; over an hour it is no timeout.
        private static TimeSpan Check(TimeSpan value, string name)
        {
            if (value < TimeSpan.FromMilliseconds(100) || value > TimeSpan.FromHours(1))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be 100 ms–1 h.");
            }

            return value;
        }
    }
}
