using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// A logged-in XProtect session: the OAuth access token for the management server's APIs and
    /// the recorder token for ImageServer connections, both refreshed before the shorter
    /// lifetime ends so the session runs for days. After each refresh
    /// <see cref="RecorderTokenRefreshed"/> tells open ImageServer sockets to send connectupdate.
    /// </summary>
    public sealed class XProtectSession : IAsyncDisposable
    {
        private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

        private readonly HttpClient _http;
        private readonly IdentityProvider _identity;
        private readonly ServerCommandService _serverCommand;
        private readonly Uri _identityProvider;
        private readonly Uri _apiGateway;
        private readonly ConfigurationApi _configuration;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly SemaphoreSlim _login = new SemaphoreSlim(1, 1);
        private string _accessToken = string.Empty;
        private DateTimeOffset _accessExpires;
        private RecorderToken _recorderToken = new RecorderToken("-", DateTimeOffset.MinValue);
        private Task _refreshLoop = Task.CompletedTask;

        private XProtectSession(XProtectServerOptions options, HttpClient http, Uri identityProvider, Uri apiGateway)
        {
            Options = options;
            _http = http;
            _identity = new IdentityProvider(http, options);
            _serverCommand = new ServerCommandService(http, options);
            _identityProvider = identityProvider;
            _apiGateway = apiGateway;
            _configuration = new ConfigurationApi(http, options, apiGateway, () => Volatile.Read(ref _accessToken));
        }

        /// <summary>Raised after each refresh with the new recorder token (on a pool thread).</summary>
        public event Action<RecorderToken>? RecorderTokenRefreshed;

        /// <summary>Raised when a refresh failed; the session tries again until the tokens expire.</summary>
        public event Action<XProtectException>? RefreshFailed;

        /// <summary>The options the session was opened with.</summary>
        public XProtectServerOptions Options { get; }

        /// <summary>The recorder token to connect with now.</summary>
        public RecorderToken RecorderToken => Volatile.Read(ref _recorderToken);

        /// <summary>Discovers the server, logs in and starts refreshing.</summary>
        /// <exception cref="XProtectAuthenticationException">The user or password was refused.</exception>
        /// <exception cref="XProtectException">The server cannot be reached or answers what cannot be used.</exception>
        public static async Task<XProtectSession> OpenAsync(XProtectServerOptions options, CancellationToken cancellationToken)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var http = XProtectHttp.Create(options);
            try
            {
                var (identity, gateway) = await new IdentityProvider(http, options).DiscoverAsync(cancellationToken).ConfigureAwait(false);
                var session = new XProtectSession(options, http, identity, gateway);
                await session.LogInAsync(cancellationToken).ConfigureAwait(false);
                session._refreshLoop = Task.Run(() => session.RefreshLoopAsync(session._stop.Token));
                return session;
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>Every camera, enabled and disabled, in the server's order.</summary>
        public Task<IReadOnlyList<XProtectCamera>> GetCamerasAsync(CancellationToken cancellationToken) => _configuration.CamerasAsync(cancellationToken);

        /// <summary>
        /// The camera with id <paramref name="idOrName"/> (a GUID), else the one whose name or
        /// display name it is (case-insensitive). A name two cameras share is refused, naming both.
        /// </summary>
        public async Task<XProtectCamera> FindCameraAsync(string idOrName, CancellationToken cancellationToken)
        {
            var wanted = (idOrName ?? string.Empty).Trim();
            if (Guid.TryParse(wanted, out var id))
            {
                return await _configuration.CameraAsync(id, cancellationToken).ConfigureAwait(false)
                    ?? throw new XProtectException($"XProtect server {Options.ShownServer} has no camera with id {id:D}.");
            }

            var cameras = await GetCamerasAsync(cancellationToken).ConfigureAwait(false);
            var byName = cameras.Where(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 0)
            {
                byName = cameras.Where(c => string.Equals(c.DisplayName, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            return byName.Count switch
            {
                1 => byName[0],
                0 => throw new XProtectException($"XProtect server {Options.ShownServer} has no camera named '{wanted}' ({cameras.Count} cameras listed)."),
                _ => throw new XProtectException($"XProtect server {Options.ShownServer} has {byName.Count} cameras named '{wanted}': use an id ({string.Join(", ", byName.Select(c => c.Id.ToString("D")))})."),
            };
        }

        /// <summary>The ImageServer of the recording server that holds <paramref name="camera"/>.</summary>
        public Task<Uri> GetImageServerAsync(XProtectCamera camera, CancellationToken cancellationToken) =>
            _configuration.ImageServerAsync(camera ?? throw new ArgumentNullException(nameof(camera)), cancellationToken);

        /// <summary>Refreshes both tokens now, as the schedule would.</summary>
        public async Task RefreshAsync(CancellationToken cancellationToken)
        {
            await LogInAsync(cancellationToken).ConfigureAwait(false);
            RecorderTokenRefreshed?.Invoke(RecorderToken);
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            try
            {
                await _refreshLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _stop.Dispose();
                _http.Dispose();
            }
        }

        // One login at a time: the schedule and a caller's RefreshAsync may meet.
        private async Task LogInAsync(CancellationToken cancellationToken)
        {
            await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var issued = DateTimeOffset.UtcNow;
                var (token, expires) = await _identity.RequestTokenAsync(_identityProvider, _apiGateway, cancellationToken).ConfigureAwait(false);
                var current = _recorderToken.Expires > issued ? _recorderToken : null;
                var recorder = await _serverCommand.LoginAsync(token, current, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _accessToken, token);
                _accessExpires = expires;
                Volatile.Write(ref _recorderToken, recorder);
            }
            finally
            {
                _login.Release();
            }
        }

        private async Task RefreshLoopAsync(CancellationToken cancellationToken)
        {
            var issued = DateTimeOffset.UtcNow;
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = TokenSchedule.RefreshAt(issued, _accessExpires, _recorderToken.Expires, Options.RefreshMargin);
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                    issued = DateTimeOffset.UtcNow;
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    // Whatever failed, the loop goes on: the tokens stay valid until they expire.
                    RefreshFailed?.Invoke(e as XProtectException ?? new XProtectException($"XProtect server {Options.ShownServer}: token refresh failed: {e.GetType().Name}.", e));
                    await Task.Delay(RetryAfterFailure, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
