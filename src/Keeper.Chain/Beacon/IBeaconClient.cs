namespace Keeper.Chain.Beacon;

/// <summary>
/// The beacon node reads Keeper needs: the chain's genesis and timing, the head, validators' exit and withdrawable
/// epochs, and whole states and blocks as SSZ for proofs. Implemented by <see cref="BeaconClient"/>; small enough to fake in actor tests.
/// </summary>
public interface IBeaconClient
{
    /// <summary>Gets the chain's genesis (<c>GET /eth/v1/beacon/genesis</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BeaconApiException">No valid answer within the retry budget, or the node refused.</exception>
    Task<BeaconGenesis> GetGenesisAsync(CancellationToken cancellationToken);

    /// <summary>Gets the slot length and epoch size (<c>GET /eth/v1/config/spec</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BeaconApiException">No valid answer within the retry budget, or the node refused.</exception>
    Task<BeaconSpec> GetSpecAsync(CancellationToken cancellationToken);

    /// <summary>Gets a block header (<c>GET /eth/v1/beacon/headers/{block_id}</c>).</summary>
    /// <param name="blockId"><c>head</c>, <c>genesis</c>, <c>finalized</c>, a decimal slot or a <c>0x</c> block root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="blockId"/> is none of those forms.</exception>
    /// <exception cref="BeaconApiException">No valid answer within the retry budget, or the node refused (404: no such block).</exception>
    Task<BeaconHeader> GetHeaderAsync(string blockId, CancellationToken cancellationToken);

    /// <summary>
    /// Gets validators by public key from a state (<c>/eth/v1/beacon/states/{state_id}/validators</c>), keyed by
    /// public key. Validators the node does not know are absent from the result: absence means "not in the
    /// beacon state", never "not exiting".
    /// </summary>
    /// <param name="pubkeys">The public keys; repeats are asked once. None gives an empty result without a request.</param>
    /// <param name="stateId"><c>head</c>, <c>genesis</c>, <c>finalized</c>, <c>justified</c>, a decimal slot or a <c>0x</c> state root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="stateId"/> is none of those forms.</exception>
    /// <exception cref="BeaconApiException">No valid answer within the retry budget, or the node refused (such as 404 for an unknown slot or root).</exception>
    Task<IReadOnlyDictionary<ValidatorPubkey, BeaconValidator>> GetValidatorsAsync(
        IEnumerable<ValidatorPubkey> pubkeys, string stateId, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads a whole beacon state as SSZ (<c>GET /eth/v2/debug/beacon/states/{state_id}</c>,
    /// <c>Accept: application/octet-stream</c>), with its fork from the <c>Eth-Consensus-Version</c> header. A mainnet
    /// state is hundreds of megabytes: the download has its own size cap and timeout
    /// (<see cref="BeaconClientOptions.MaxSszResponseBytes"/>, <see cref="BeaconClientOptions.SszRequestTimeout"/>).
    /// </summary>
    /// <param name="stateId"><c>head</c>, <c>genesis</c>, <c>finalized</c>, <c>justified</c>, a decimal slot or a <c>0x</c> state root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="stateId"/> is none of those forms.</exception>
    /// <exception cref="BeaconApiException">
    /// No valid answer within the retry budget, the node refused (404: no such state), or it served a fork Keeper
    /// cannot read (<see cref="BeaconFailureKind.Unsupported"/>).
    /// </exception>
    Task<BeaconSszObject> GetStateSszAsync(string stateId, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads a signed beacon block as SSZ (<c>GET /eth/v2/beacon/blocks/{block_id}</c>,
    /// <c>Accept: application/octet-stream</c>), with its fork from the <c>Eth-Consensus-Version</c> header.
    /// </summary>
    /// <param name="blockId"><c>head</c>, <c>genesis</c>, <c>finalized</c>, a decimal slot or a <c>0x</c> block root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="blockId"/> is none of those forms.</exception>
    /// <exception cref="BeaconApiException">
    /// No valid answer within the retry budget, the node refused (404: no block at that slot or root), or it served a
    /// fork Keeper cannot read (<see cref="BeaconFailureKind.Unsupported"/>).
    /// </exception>
    Task<BeaconSszObject> GetBlockSszAsync(string blockId, CancellationToken cancellationToken);
}
