using System.Text.Json.Nodes;
using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;
using Keeper.Testing.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Keeper.Testing.Beacon;

/// <summary>
/// A beacon node REST server for tests, on loopback: it holds a genesis, a spec, a head slot and a mutable set of
/// validators, and answers <c>/eth/v1/beacon/genesis</c>, <c>/eth/v1/config/spec</c>, <c>/eth/v1/beacon/headers/{id}</c>
/// GET and POST <c>/eth/v1/beacon/states/{id}/validators</c>, and the SSZ states and blocks set with
/// <see cref="SetSszState"/> and <see cref="SetSszBlock"/>, in the shapes of ethereum/beacon-APIs (the
/// <c>data</c> wrapper, <c>execution_optimistic</c>, <c>finalized</c>, decimal strings, error bodies
/// <c>{"code","message"}</c>). Paths are matched from <c>/eth/</c> on, so a base URL with a key in its path works.
/// Scripted failures (<see cref="FailNext(ScriptedBehavior[])"/>) are served first, in order; then the node answers normally.
/// Thread-safe: tests change validators while clients poll.
/// </summary>
public sealed class FakeBeaconNode : IAsyncDisposable
{
    /// <summary>Mainnet's genesis time, 2020-12-01 12:00:23 UTC, as mainnet beacon nodes report it.</summary>
    public const ulong MainnetGenesisTime = 1606824023;

    private readonly object _gate = new();
    private readonly Dictionary<ValidatorPubkey, FakeValidator> _validators = [];
    private readonly Dictionary<string, string> _spec = new(StringComparer.Ordinal)
    {
        ["CONFIG_NAME"] = "mainnet",
        ["SECONDS_PER_SLOT"] = "12",
        ["SLOTS_PER_EPOCH"] = "32",
        ["MAX_SEED_LOOKAHEAD"] = "4",
        ["DEPOSIT_CONTRACT_ADDRESS"] = "0x00000000219ab540356cBB839Cbe05303d7705Fa",
        ["GENESIS_FORK_VERSION"] = "0x00000000",
    };

    private readonly Dictionary<(string Kind, string Id), (string Version, byte[] Bytes)> _ssz = [];
    private ulong _headSlot;

    private FakeBeaconNode(ScriptedHttpServer server)
    {
        Server = server;
        Server.WhenScriptEmpty = ScriptedBehavior.Compute(Answer);
    }

    /// <summary>The node's base URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => Server.Url;

    /// <summary>The HTTP server underneath: its request log and script.</summary>
    public ScriptedHttpServer Server { get; }

    /// <summary>The genesis time in Unix seconds. Default <see cref="MainnetGenesisTime"/>.</summary>
    public ulong GenesisTime { get; set; } = MainnetGenesisTime;

    /// <summary>The genesis validators root. Default mainnet's.</summary>
    public Hash32 GenesisValidatorsRoot { get; set; } = Hash32.Parse("0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95");

    /// <summary>The genesis fork version, big-endian. Default 0 (mainnet).</summary>
    public uint GenesisForkVersion { get; set; }

    /// <summary>Whether POST validators is served; when false it answers 405, as nodes without it do. Default true.</summary>
    public bool SupportsPost { get; set; } = true;

    /// <summary>The most ids a GET validators request may carry; beyond it the node answers 414. Default 64.</summary>
    public int MaxIdsPerGet { get; set; } = 64;

    /// <summary>
    /// Whether a validators request that matches no validator is answered 404 instead of an empty list, as some
    /// nodes do. Default false (the API's behaviour).
    /// </summary>
    public bool NotFoundWhenNoValidatorMatches { get; set; }

    /// <summary>The head slot.</summary>
    public ulong HeadSlot
    {
        get
        {
            lock (_gate)
            {
                return _headSlot;
            }
        }
    }

    /// <summary>Starts a node on 127.0.0.1 and a free port, with no validators and head slot 0.</summary>
    public static async Task<FakeBeaconNode> StartAsync(CancellationToken cancellationToken = default) =>
        new(await ScriptedHttpServer.StartAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Moves the head to <paramref name="slot"/>.</summary>
    public FakeBeaconNode SetHeadSlot(ulong slot)
    {
        lock (_gate)
        {
            _headSlot = slot;
        }

        return this;
    }

    /// <summary>Sets a spec value (a decimal or 0x string, as nodes send them); null removes the key.</summary>
    public FakeBeaconNode SetSpec(string key, string? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _spec.Remove(key);
            }
            else
            {
                _spec[key] = value;
            }
        }

        return this;
    }

    /// <summary>Adds or replaces a validator.</summary>
    /// <param name="pubkey">The public key.</param>
    /// <param name="index">The registry index.</param>
    /// <param name="status">The API status name, such as <c>active_exiting</c>.</param>
    /// <param name="exitEpoch">The exit epoch; <see cref="BeaconTime.FarFutureEpoch"/> for none.</param>
    /// <param name="withdrawableEpoch">The withdrawable epoch; <see cref="BeaconTime.FarFutureEpoch"/> for none.</param>
    public FakeBeaconNode SetValidator(
        ValidatorPubkey pubkey, ulong index, string status, ulong exitEpoch = BeaconTime.FarFutureEpoch, ulong withdrawableEpoch = BeaconTime.FarFutureEpoch) =>
        SetValidator(new FakeValidator(pubkey, index, status, exitEpoch, withdrawableEpoch));

    /// <summary>Adds or replaces a validator with every field given.</summary>
    public FakeBeaconNode SetValidator(FakeValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        lock (_gate)
        {
            _validators[validator.Pubkey] = validator;
        }

        return this;
    }

    /// <summary>
    /// Serves <paramref name="bytes"/> as the SSZ state <paramref name="stateId"/> (<c>/eth/v2/debug/beacon/states/{id}</c>)
    /// with <c>Eth-Consensus-Version: <paramref name="version"/></c>, to requests that accept <c>application/octet-stream</c>.
    /// </summary>
    public FakeBeaconNode SetSszState(string stateId, string version, byte[] bytes) => SetSsz("states", stateId, version, bytes);

    /// <summary>Serves <paramref name="bytes"/> as the SSZ signed block <paramref name="blockId"/> (<c>/eth/v2/beacon/blocks/{id}</c>).</summary>
    public FakeBeaconNode SetSszBlock(string blockId, string version, byte[] bytes) => SetSsz("blocks", blockId, version, bytes);

    /// <summary>Removes a validator; returns whether it was there.</summary>
    public bool RemoveValidator(ValidatorPubkey pubkey)
    {
        lock (_gate)
        {
            return _validators.Remove(pubkey);
        }
    }

    /// <summary>Serves these behaviours (failures, hangs, odd answers) to the next requests, before normal answers.</summary>
    public FakeBeaconNode FailNext(params ScriptedBehavior[] behaviors)
    {
        Server.Enqueue(behaviors);
        return this;
    }

    /// <summary>Serves one behaviour to the next <paramref name="times"/> requests, before normal answers.</summary>
    public FakeBeaconNode FailNext(ScriptedBehavior behavior, int times)
    {
        Server.Enqueue(behavior, times);
        return this;
    }

    /// <summary>The requests received so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Stops the node.</summary>
    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private ScriptedResponse Answer(RecordedRequest request)
    {
        var queryAt = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? request.PathAndQuery : request.PathAndQuery[..queryAt];
        var query = queryAt < 0 ? string.Empty : request.PathAndQuery[queryAt..];
        var api = path.IndexOf("/eth/", StringComparison.Ordinal);
        var segments = api < 0 ? [] : path[(api + 1)..].Split('/');
        lock (_gate)
        {
            return (request.Method, segments) switch
            {
                ("GET", ["eth", "v1", "beacon", "genesis"]) => Ok(FakeBeaconJson.Genesis(GenesisTime, GenesisValidatorsRoot, GenesisForkVersion)),
                ("GET", ["eth", "v1", "config", "spec"]) => Ok(FakeBeaconJson.Spec(_spec)),
                ("GET", ["eth", "v1", "beacon", "headers", var blockId]) => Header(blockId),
                ("GET", ["eth", "v1", "beacon", "states", var stateId, "validators"]) => ValidatorsByQuery(stateId, query),
                ("POST", ["eth", "v1", "beacon", "states", var stateId, "validators"]) => ValidatorsByBody(stateId, request.Body),
                (_, ["eth", "v1", "beacon", "states", _, "validators"]) => Error(405, "Method not allowed"),
                ("GET", ["eth", "v2", "debug", "beacon", "states", var stateId]) => Ssz(request, "states", stateId),
                ("GET", ["eth", "v2", "beacon", "blocks", var blockId]) => Ssz(request, "blocks", blockId),
                _ => Error(404, $"Route not found: {request.Method} {(api < 0 ? path : path[api..])}"),
            };
        }
    }

    private ScriptedResponse Header(string blockId)
    {
        ulong? slot = blockId switch
        {
            "head" => _headSlot,
            "genesis" => 0,
            "finalized" => _headSlot >= 64 ? _headSlot - 64 : 0,
            _ when ulong.TryParse(blockId, out var number) && number <= _headSlot => number,
            _ => null,
        };
        return slot is { } found
            ? Ok(FakeBeaconJson.Header(found, canonical: true), finalized: blockId is "finalized" or "genesis")
            : Error(404, "Block not found");
    }

    private ScriptedResponse ValidatorsByQuery(string stateId, string query)
    {
        var ids = QueryHelpers.ParseQuery(query).TryGetValue("id", out var values)
            ? values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList()
            : null;
        if (ids?.Count > MaxIdsPerGet)
        {
            return Error(414, "Too many validator IDs in request");
        }

        return Validators(stateId, ids);
    }

    private ScriptedResponse ValidatorsByBody(string stateId, string body)
    {
        if (!SupportsPost)
        {
            return Error(405, "Method not allowed");
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return Error(400, "Invalid request body");
        }

        var ids = parsed?["ids"] is JsonArray array ? array.Select(i => i?.GetValue<string>() ?? string.Empty).ToList() : null;
        return Validators(stateId, ids);
    }

    private ScriptedResponse Validators(string stateId, List<string>? ids)
    {
        if (!IsKnownState(stateId))
        {
            return Error(404, "State not found");
        }

        var selected = new List<FakeValidator>();
        foreach (var id in ids ?? [.. _validators.Keys.Select(k => k.ToString())])
        {
            if (ValidatorPubkey.TryParse(id, out var pubkey))
            {
                if (_validators.TryGetValue(pubkey, out var validator))
                {
                    selected.Add(validator);
                }
            }
            else if (ulong.TryParse(id, out var index))
            {
                selected.AddRange(_validators.Values.Where(v => v.Index == index));
            }
            else
            {
                return Error(400, $"Invalid validator ID: {id}");
            }
        }

        if (selected.Count == 0 && NotFoundWhenNoValidatorMatches)
        {
            return Error(404, "Validator not found");
        }

        return Ok(new JsonArray([.. selected.DistinctBy(v => v.Pubkey).OrderBy(v => v.Index).Select(FakeBeaconJson.Validator)]));
    }

    private FakeBeaconNode SetSsz(string kind, string id, string version, byte[] bytes)
    {
        lock (_gate)
        {
            _ssz[(kind, id)] = (version, bytes);
        }

        return this;
    }

    // Real nodes serve JSON unless SSZ is accepted; this node has only SSZ, so it refuses the rest as they refuse SSZ.
    private ScriptedResponse Ssz(RecordedRequest request, string kind, string id)
    {
        if (!request.Headers.TryGetValue("Accept", out var accept) || !accept.Contains("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return Error(406, "Accepted media type not supported");
        }

        return _ssz.TryGetValue((kind, id), out var found)
            ? new ScriptedResponse(200, string.Empty)
            {
                BodyBytes = found.Bytes,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream", ["Eth-Consensus-Version"] = found.Version },
            }
            : Error(404, kind == "states" ? "State not found" : "Block not found");
    }

    private bool IsKnownState(string stateId) =>
        stateId is "head" or "genesis" or "finalized" or "justified" || (ulong.TryParse(stateId, out var slot) && slot <= _headSlot);

    private static ScriptedResponse Ok(JsonNode data, bool finalized = false) =>
        new(200, new JsonObject { ["execution_optimistic"] = false, ["finalized"] = finalized, ["data"] = data }.ToJsonString());

    private static ScriptedResponse Error(int status, string message) =>
        new(status, new JsonObject { ["code"] = status, ["message"] = message }.ToJsonString());
}
