using System.Text.Json;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Beacon;

public sealed partial class BeaconClient
{
    // Answers to POST that mean "this node has no such route" or "not this much at once": GET in chunks instead.
    private static readonly int[] PostFallbackStatuses = [404, 405, 413, 414];

    /// <inheritdoc />
    /// <remarks>
    /// The ids go in POST requests of at most <see cref="BeaconClientOptions.MaxIdsPerPostRequest"/> (when
    /// <see cref="BeaconClientOptions.UsePostForValidators"/>), or GET requests of at most
    /// <see cref="BeaconClientOptions.MaxIdsPerGetRequest"/>; each POST-sized chunk is one retried unit. An endpoint
    /// that answers POST with 404, 405, 413 or 414 is asked with GET, then and on every later call. A GET answered 404
    /// for a named state (<c>head</c>, <c>finalized</c>, ...), which every node has, means none of its ids is known:
    /// they are absent from the result; for a slot or root it means the node lacks that state and is a refusal.
    /// Every validator in an answer must be one that was asked for, and appear once, or the answer is malformed.
    /// </remarks>
    public async Task<IReadOnlyDictionary<ValidatorPubkey, BeaconValidator>> GetValidatorsAsync(
        IEnumerable<ValidatorPubkey> pubkeys, string stateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pubkeys);
        if (!BeaconUrl.IsValidStateOrBlockId(stateId, allowJustified: true))
        {
            throw new ArgumentException(
                $"'{stateId}' is not a state id: use head, genesis, finalized, justified, a decimal slot or 0x and a 64-digit hex state root.", nameof(stateId));
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var distinct = pubkeys.Distinct().ToArray();
        var result = new Dictionary<ValidatorPubkey, BeaconValidator>(distinct.Length);
        var path = $"/eth/v1/beacon/states/{stateId}/validators";
        var chunkSize = _options.UsePostForValidators ? _options.MaxIdsPerPostRequest : _options.MaxIdsPerGetRequest;
        foreach (var chunk in distinct.Chunk(chunkSize))
        {
            var found = await ExecuteAsync(
                path,
                $"validators ({chunk.Length} ids) at state {stateId}",
                (endpoint, token) => FetchValidatorsAsync(endpoint, path, stateId, chunk, token),
                cancellationToken).ConfigureAwait(false);
            foreach (var (pubkey, validator) in found)
            {
                result[pubkey] = validator;
            }
        }

        return result;
    }

    private async Task<Dictionary<ValidatorPubkey, BeaconValidator>> FetchValidatorsAsync(
        RpcEndpoint endpoint, string path, string stateId, ValidatorPubkey[] ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ValidatorPubkey, BeaconValidator>(ids.Length);
        if (_options.UsePostForValidators && Volatile.Read(ref _postUnsupported[endpoint.Index]) == 0)
        {
            using var answer = await SendOnceAsync(endpoint, HttpMethod.Post, path, null, PostBody(ids), cancellationToken).ConfigureAwait(false);
            if (answer.Document is not null)
            {
                return Read(answer, root => BeaconResponseReader.ReadValidators(root, ids.ToHashSet(), found));
            }

            if (!PostFallbackStatuses.Contains(answer.Status))
            {
                throw Refusal(answer);
            }

            Volatile.Write(ref _postUnsupported[endpoint.Index], 1);
            LogPostUnsupported(_logger, endpoint.DisplayName, answer.Status, _options.MaxIdsPerGetRequest);
        }

        foreach (var chunk in ids.Chunk(_options.MaxIdsPerGetRequest))
        {
            var query = "id=" + string.Join(',', chunk.Select(id => id.ToString()));
            using var answer = await SendOnceAsync(endpoint, HttpMethod.Get, path, query, null, cancellationToken).ConfigureAwait(false);
            if (answer.Document is not null)
            {
                Read(answer, root => BeaconResponseReader.ReadValidators(root, chunk.ToHashSet(), found));
            }
            else if (!(answer.Status == 404 && BeaconUrl.IsNamed(stateId)))
            {
                throw Refusal(answer);
            }
        }

        return found;
    }

    // Only "ids": the API reads a missing "statuses" as "any status", while an empty list could be read as "none".
    private static byte[] PostBody(ValidatorPubkey[] ids)
    {
        using var buffer = new MemoryStream(16 + (ids.Length * (ValidatorPubkey.Size * 2 + 5)));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ids");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
