using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Ssz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// Serves a <see cref="DevBeaconChain"/> over the Beacon API endpoints Keeper uses, on 127.0.0.1 and a free port:
/// genesis, spec, headers, validators (GET and POST), and SSZ states and blocks (<c>application/octet-stream</c> only,
/// with <c>Eth-Consensus-Version</c>). Errors are the API's JSON bodies: 400 for a malformed id, 404 for an unknown
/// state or block, 406 when SSZ is not accepted.
/// </summary>
public sealed class DevBeaconServer : IAsyncDisposable
{
    private const string SszMediaType = "application/octet-stream";
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private DevBeaconServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts serving <paramref name="chain"/>.</summary>
    public static async Task<DevBeaconServer> StartAsync(DevBeaconChain chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        Map(app, chain);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DevBeaconServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, DevBeaconChain chain)
    {
        app.MapGet("/eth/v1/beacon/genesis", () => Json(200, DevBeaconJson.Ok(DevBeaconJson.Genesis(chain.GenesisTime, chain.GenesisValidatorsRoot))));
        app.MapGet("/eth/v1/config/spec", () => Json(200, DevBeaconJson.Ok(DevBeaconJson.Spec())));
        app.MapGet("/eth/v1/beacon/headers/{blockId}", (string blockId) => Header(chain, blockId));
        app.MapGet("/eth/v1/beacon/states/{stateId}/validators", (string stateId, HttpRequest request) =>
            Validators(chain, stateId, request.Query["id"].SelectMany(Split).ToList(), request.Query["status"].SelectMany(Split).ToList()));
        app.MapPost("/eth/v1/beacon/states/{stateId}/validators", async (string stateId, HttpRequest request) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException e)
            {
                return Json(400, DevBeaconJson.Error(400, $"Invalid request body: {e.Message}"));
            }

            return Validators(chain, stateId, Strings(body?["ids"]), Strings(body?["statuses"]));
        });
        app.MapGet("/eth/v2/debug/beacon/states/{stateId}", (string stateId, HttpRequest request) => State(chain, stateId, request));
        app.MapGet("/eth/v2/beacon/blocks/{blockId}", (string blockId, HttpRequest request) => Block(chain, blockId, request));
        app.MapFallback((HttpRequest request) => Json(404, DevBeaconJson.Error(404, $"Route not found: {request.Method} {request.Path}")));
    }

    private static IResult Header(DevBeaconChain chain, string blockId) =>
        WithBlock(chain, blockId, block => Json(200, DevBeaconJson.Ok(DevBeaconJson.Header(block), chain.IsFinalized(block))));

    private static IResult Validators(DevBeaconChain chain, string stateId, List<string> ids, List<string> statuses) =>
        WithState(chain, stateId, slot =>
        {
            var epoch = slot / DevBeaconSpec.SlotsPerEpoch;
            var validators = chain.ValidatorsAt(slot);
            var selected = new List<DevValidator>();
            foreach (var id in ids)
            {
                if (ValidatorPubkey.TryParse(id, out var pubkey))
                {
                    selected.AddRange(validators.Where(v => v.Pubkey == pubkey));
                }
                else if (ulong.TryParse(id, out var index))
                {
                    selected.AddRange(validators.Where(v => v.Index == index));
                }
                else
                {
                    return Json(400, DevBeaconJson.Error(400, $"Invalid validator ID: {id}"));
                }
            }

            // A status filter takes exact names and their general forms ("active" for every active_* status).
            var answer = (ids.Count == 0 ? validators.AsEnumerable() : selected.DistinctBy(v => v.Index).OrderBy(v => v.Index))
                .Where(v => statuses.Count == 0 || statuses.Any(s => v.StatusAt(epoch) == s || v.StatusAt(epoch).StartsWith(s + "_", StringComparison.Ordinal)))
                .Select(v => DevBeaconJson.Validator(v, epoch));
            return Json(200, DevBeaconJson.Ok(new JsonArray([.. answer]), slot <= chain.Finalized.Slot));
        });

    private static IResult State(DevBeaconChain chain, string stateId, HttpRequest request) =>
        AcceptsSsz(request) ? WithState(chain, stateId, slot => Ssz(chain.StateAt(slot))) : NotAcceptable();

    private static IResult Block(DevBeaconChain chain, string blockId, HttpRequest request) =>
        AcceptsSsz(request) ? WithBlock(chain, blockId, block => Ssz(DevBeaconChain.SignedBlock(block))) : NotAcceptable();

    // A malformed id is the client's mistake (400); a well-formed one that names nothing is unknown (404).
    private static IResult WithBlock(DevBeaconChain chain, string blockId, Func<DevBeaconBlock, IResult> answer)
    {
        try
        {
            return chain.BlockById(blockId) is { } block ? answer(block) : Json(404, DevBeaconJson.Error(404, $"Block not found: {blockId}"));
        }
        catch (FormatException e)
        {
            return Json(400, DevBeaconJson.Error(400, e.Message));
        }
    }

    private static IResult WithState(DevBeaconChain chain, string stateId, Func<ulong, IResult> answer)
    {
        try
        {
            return chain.StateSlotById(stateId) is { } slot ? answer(slot) : Json(404, DevBeaconJson.Error(404, $"State not found: {stateId}"));
        }
        catch (FormatException e)
        {
            return Json(400, DevBeaconJson.Error(400, e.Message));
        }
    }

    private static bool AcceptsSsz(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains(SszMediaType, StringComparison.OrdinalIgnoreCase));

    private static IResult NotAcceptable() =>
        Json(406, DevBeaconJson.Error(406, $"Accepted media type not supported: this devnet node serves states and blocks as {SszMediaType} only."));

    private static IResult Ssz(byte[] bytes) => new SszResult(bytes);

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", statusCode: status);

    private static IEnumerable<string> Split(string? value) => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty)] : [];

    private sealed class SszResult(byte[] bytes) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 200;
            httpContext.Response.ContentType = SszMediaType;
            httpContext.Response.ContentLength = bytes.Length;
            httpContext.Response.Headers[BeaconForks.VersionHeader] = DevBeaconSsz.Fork.ToVersion();
            return httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
        }
    }
}
