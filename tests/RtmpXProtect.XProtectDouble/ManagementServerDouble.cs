using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RtmpXProtect.XProtectDouble;

/// <summary>
/// The management server side of the double, on HTTP(S) over loopback: discovery, the identity
/// provider and its API Gateway route, SOAP Login on ServerCommandServiceOAuth.svc, and the
/// configuration REST API for cameras, hardware and recording servers.
/// </summary>
internal sealed class ManagementServerDouble : IAsyncDisposable
{
    private readonly XProtectDoubleServer _owner;
    private WebApplication? _app;

    public ManagementServerDouble(XProtectDoubleServer owner) => _owner = owner;

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public async Task StartAsync(X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate != null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        Map(app);
        await app.StartAsync();
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app != null)
        {
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        // CX openapi.yaml, intro: GET /api/.well-known/uris names the identity provider and the gateways.
        app.MapGet("/api/.well-known/uris", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["ProductVersion"] = "25.2.0.1",
            ["IdentityProvider"] = Base(context) + "IDP",
            ["ApiGateways"] = new[] { Base(context) + "API/" },
        }));

        // OLF / CX: POST {ms}/API/IDP/connect/token (gateway) or {ms}/IDP/connect/token, form with grant_type=password and client_id=GrantValidatorClient.
        app.MapPost("/API/IDP/connect/token", (Func<HttpContext, Task<IResult>>)(context =>
        {
            _owner.GatewayTokenRequests++;
            return _owner.Faults.GatewayDown ? Task.FromResult(Results.StatusCode(503)) : TokenAsync(context);
        }));
        app.MapPost("/IDP/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);

        // OLF: SOAP 1.1 Login with a Bearer access token gives the recorder token and its TimeToLive in microseconds.
        app.MapPost("/ManagementServer/ServerCommandServiceOAuth.svc", (Func<HttpContext, Task<IResult>>)LoginAsync);

        // CX openapi.yaml: /cameras (array, ?disabled, page/size), /cameras/{id}, /hardware/{id}, /recordingServers/{id} (data).
        app.MapGet("/API/rest/v1/cameras", (HttpContext context) => Authorized(context, () => Cameras(context)));
        app.MapGet("/API/rest/v1/cameras/{id}", (HttpContext context, string id) => Authorized(context, () => Camera(id)));
        app.MapGet("/API/rest/v1/hardware/{id}", (HttpContext context, string id) => Authorized(context, () => Hardware(id)));
        app.MapGet("/API/rest/v1/recordingServers/{id}", (HttpContext context, string id) => Authorized(context, () => RecordingServer(id)));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        _owner.LoginAttempts++;
        if (form["grant_type"] == "windows_credentials")
        {
            // OLF / notes: Windows users log in with Negotiate on the identity provider itself. The
            // double cannot verify a Kerberos or NTLM exchange: it challenges, and refuses what comes back.
            _owner.WindowsLoginAttempts++;
            context.Response.Headers.WWWAuthenticate = "Negotiate";
            return Results.StatusCode(401);
        }

        if (form["client_id"] != "GrantValidatorClient" || form["grant_type"] != "password")
        {
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }

        var user = _owner.Users.FirstOrDefault(u => u.Name == form["username"]);
        if (user == null || user.Password != form["password"])
        {
            // RFC 6749 §5.2: a wrong resource owner password is invalid_grant, HTTP 400.
            return Results.Json(new { error = "invalid_grant", error_description = "invalid_username_or_password" }, statusCode: 400);
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = _owner.Tokens.IssueAccess(),
            ["expires_in"] = (int)_owner.Tokens.AccessLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = "managementserver",
        });
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        if (!_owner.Tokens.AccessValid(Bearer(context)))
        {
            return Results.StatusCode(401);
        }

        if (context.Request.Headers["SOAPAction"].ToString().Trim('"') != "http://videoos.net/2/XProtectCSServerCommand/IServerCommandService/Login")
        {
            return Fault("Unknown SOAPAction");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var envelope = XDocument.Parse(await reader.ReadToEndAsync());
        var current = envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "currentToken")?.Value;
        if (!string.IsNullOrEmpty(current) && !_owner.Tokens.RecorderValid(current))
        {
            return Fault("The current token is not valid");
        }

        var token = _owner.Tokens.IssueRecorder();
        var microseconds = (long)_owner.Tokens.RecorderLifetime.TotalMilliseconds * 1000;
        // The LoginResult children SCW's LoginInfo declares; the prefixes are the server's own.
        var answer = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><LoginResponse xmlns=\"http://videoos.net/2/XProtectCSServerCommand\"><LoginResult xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + $"<RegistrationTime>{DateTime.UtcNow:O}</RegistrationTime><Token>{System.Security.SecurityElement.Escape(token)}</Token>"
            + $"<TimeToLive><MicroSeconds>{microseconds}</MicroSeconds></TimeToLive><TimeToLiveLimited>false</TimeToLiveLimited></LoginResult></LoginResponse></s:Body></s:Envelope>";
        return Results.Text(answer, "text/xml; charset=utf-8");
    }

    private static IResult Fault(string reason) => Results.Text(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>" + reason + "</faultstring></s:Fault></s:Body></s:Envelope>",
        "text/xml; charset=utf-8",
        statusCode: 500);

    private IResult Authorized(HttpContext context, Func<IResult> answer) =>
        _owner.Tokens.AccessValid(Bearer(context)) ? answer() : Results.StatusCode(401);

    private IResult Cameras(HttpContext context)
    {
        var withDisabled = context.Request.Query.ContainsKey("disabled");
        int page = int.TryParse(context.Request.Query["page"], out var p) ? p : 0;
        int size = int.TryParse(context.Request.Query["size"], out var s) ? s : int.MaxValue;
        _owner.CameraPagesServed++;
        var cameras = _owner.Cameras.Where(c => withDisabled || c.Enabled).Skip(page * size).Take(size).Select(CameraJson);
        return Results.Json(new { array = cameras });
    }

    private IResult Camera(string id)
    {
        var camera = _owner.Cameras.FirstOrDefault(c => c.Id.ToString("D").Equals(id, StringComparison.OrdinalIgnoreCase));
        return camera == null ? Results.NotFound() : Results.Json(new { data = CameraJson(camera) });
    }

    private IResult Hardware(string id)
    {
        var camera = _owner.Cameras.FirstOrDefault(c => c.HardwareId.ToString("D").Equals(id, StringComparison.OrdinalIgnoreCase));
        return camera == null
            ? Results.NotFound()
            : Results.Json(new { data = new { id = camera.HardwareId, name = camera.Name + " hardware", relations = new { parent = new { type = "recordingServers", id = _owner.RecorderId } } } });
    }

    private IResult RecordingServer(string id) =>
        id.Equals(_owner.RecorderId.ToString("D"), StringComparison.OrdinalIgnoreCase)
            ? Results.Json(new { data = new { id = _owner.RecorderId, name = "Recorder", hostName = "127.0.0.1", portNumber = _owner.ImageServerAddress.Port, webServerUri = _owner.ImageServerAddress.ToString() } })
            : Results.NotFound();

    private static object CameraJson(DoubleCamera camera) => new
    {
        id = camera.Id,
        name = camera.Name,
        displayName = camera.Name,
        enabled = camera.Enabled,
        relations = new { self = new { type = "cameras", id = camera.Id }, parent = new { type = "hardware", id = camera.HardwareId } },
    };

    private static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header.Substring(7) : null;
    }

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";
}
