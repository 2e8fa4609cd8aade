using System.Globalization;
using System.Net.Http.Headers;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Beacon;

public sealed partial class BeaconClient
{
    private const string SszMediaType = "application/octet-stream";

    /// <inheritdoc />
    public Task<BeaconSszObject> GetStateSszAsync(string stateId, CancellationToken cancellationToken)
    {
        if (!BeaconUrl.IsValidStateOrBlockId(stateId, allowJustified: true))
        {
            throw new ArgumentException(
                $"'{stateId}' is not a state id: use head, genesis, finalized, justified, a decimal slot or 0x and a 64-digit hex state root.", nameof(stateId));
        }

        return GetSszAsync($"/eth/v2/debug/beacon/states/{stateId}", cancellationToken);
    }

    /// <inheritdoc />
    public Task<BeaconSszObject> GetBlockSszAsync(string blockId, CancellationToken cancellationToken)
    {
        if (!BeaconUrl.IsValidStateOrBlockId(blockId, allowJustified: false))
        {
            throw new ArgumentException(
                $"'{blockId}' is not a block id: use head, genesis, finalized, a decimal slot or 0x and a 64-digit hex block root.", nameof(blockId));
        }

        return GetSszAsync($"/eth/v2/beacon/blocks/{blockId}", cancellationToken);
    }

    private Task<BeaconSszObject> GetSszAsync(string path, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return ExecuteAsync(
            path,
            $"GET {path} (SSZ)",
            (endpoint, token) => ExchangeAsync(
                endpoint,
                BeaconUrl.Build(endpoint.RequestUri, path, null),
                _options.SszRequestTimeout,
                nameof(BeaconClientOptions.SszRequestTimeout),
                request => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(SszMediaType)),
                ReadSszAsync,
                token),
            cancellationToken);
    }

    private async Task<BeaconSszObject> ReadSszAsync(RpcEndpoint endpoint, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = ThrowIfEndpointFailed(response);

        // 406: this node does not serve SSZ (or not this object as SSZ); another node may.
        if (status is 406 or 415)
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: this endpoint does not serve {SszMediaType}"),
                statusCode: status);
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await ReadBoundedAsync(response, status, cancellationToken).ConfigureAwait(false);
            throw Refusal(new BeaconAnswer(status, null, NodeMessage(endpoint, uri, body)));
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, SszMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Malformed,
                $"malformed answer: Content-Type is '{mediaType ?? "(none)"}', not {SszMediaType}; the node ignored Accept: {SszMediaType}",
                "Content-Type",
                status);
        }

        // The fork is checked before the body is read: an object Keeper cannot decode is not worth downloading.
        var fork = ReadFork(response, status);
        return new BeaconSszObject(fork, await BeaconSszBodyReader.ReadAsync(response.Content, _options.MaxSszResponseBytes, status, cancellationToken).ConfigureAwait(false));
    }

    private static BeaconFork ReadFork(HttpResponseMessage response, int status)
    {
        var values = response.Headers.TryGetValues(BeaconForks.VersionHeader, out var found) ? found.ToArray() : [];
        if (values is not [var value] || string.IsNullOrWhiteSpace(value))
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Malformed,
                $"malformed answer: the {BeaconForks.VersionHeader} header is {(values.Length == 0 ? "missing" : $"'{Clip(string.Join(", ", values))}'")}; a node names the fork of every SSZ object it serves in exactly one",
                BeaconForks.VersionHeader,
                status);
        }

        try
        {
            return BeaconForks.Parse(value);
        }
        catch (FormatException e)
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Unsupported, $"the {BeaconForks.VersionHeader} header is '{Clip(value)}': {e.Message}", BeaconForks.VersionHeader, status, innerException: e);
        }
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
