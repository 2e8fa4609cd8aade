using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Proving;

/// <summary>Final-balance proofs: the withdrawal's block, and for an old one its period's block_roots.</summary>
public sealed partial class BeaconProofCallBuilder
{
    private async Task<WithdrawalProof> ProveWithdrawalAsync(
        BeaconStateTree tree, ProofCallRequest request, Dictionary<ulong, BeaconSszObject> blocks, CancellationToken cancellationToken)
    {
        var location = request.Withdrawal
            ?? throw new ProofCallException(request, "a final balance needs the final withdrawal; find it with FindFinalWithdrawalAsync and put it in the request.");
        if (location.Slot >= tree.Slot)
        {
            throw new ProofCallException(request, $"the withdrawal at slot {location.Slot} is not before the proven slot {tree.Slot}; build again once a later block has a child.");
        }

        if (!blocks.TryGetValue(location.Slot, out var block))
        {
            try
            {
                block = await _beacon.GetBlockSszAsync(Id(location.Slot), cancellationToken).ConfigureAwait(false);
            }
            catch (BeaconApiException e) when (e.StatusCode == 404)
            {
                await ForgetFromAsync(location.Slot).ConfigureAwait(false);
                throw new ProofCallException(request, $"the beacon node has no block at slot {location.Slot}, where the withdrawal was seen (reorged out?); look the withdrawal up again.", e);
            }

            blocks[location.Slot] = block;
        }

        byte[] periodRoots = [];
        ulong capellaSlot = 0;
        if (tree.IsHistorical(location.Slot))
        {
            var (_, spec) = await ChainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var capellaEpoch = spec.CapellaForkEpoch
                ?? throw new ProofCallException(request, $"the withdrawal at slot {location.Slot} is more than 8192 slots old, and its proof needs the Capella fork epoch, which the beacon node's /eth/v1/config/spec does not give (CAPELLA_FORK_EPOCH); use a node that serves the full spec.");
            capellaSlot = capellaEpoch * spec.SlotsPerEpoch;
            periodRoots = await PeriodRootsAsync(location.Slot).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        WithdrawalProof? proof = null;
        BeaconProofException? exception = null;
        try
        {
            proof = tree.ProveWithdrawal(block.Bytes, block.Fork, location.Position, periodRoots, capellaSlot);
        }
        catch (BeaconProofException e)
        {
            // The remembered location may be from a block that was reorged out: read those blocks again next time.
            exception = e;
        }

        if (exception is not null)
        {
            await ForgetFromAsync(location.Slot).ConfigureAwait(false);
            throw new ProofCallException(request, $"the withdrawal at slot {location.Slot}, position {location.Position} cannot be proven ({exception.Message}); look the withdrawal up again.", exception);
        }

        if (proof!.Withdrawal.ValidatorIndex != request.ValidatorIndex)
        {
            await ForgetFromAsync(location.Slot).ConfigureAwait(false);
            throw new ProofCallException(request, $"withdrawal {location.Position} of slot {location.Slot} pays validator {proof.Withdrawal.ValidatorIndex}, not this one; look the withdrawal up again.");
        }

        return proof;
    }

    // The block_roots of the period that holds withdrawalSlot, from the state at the first slot after it (kept per period).
    private Task<byte[]> PeriodRootsAsync(ulong withdrawalSlot)
    {
        var stateSlot = BeaconStateTree.HistoricalPeriodStateSlot(withdrawalSlot);
        lock (_gate)
        {
            if (!_periodRoots.TryGetValue(stateSlot, out var roots) || roots.IsFaulted || roots.IsCanceled)
            {
                roots = Task.Run(() => ReadPeriodRootsAsync(stateSlot), CancellationToken.None);
                _periodRoots[stateSlot] = roots;
            }

            return roots;
        }
    }

    private async Task<byte[]> ReadPeriodRootsAsync(ulong stateSlot)
    {
        var state = await _beacon.GetStateSszAsync(Id(stateSlot), CancellationToken.None).ConfigureAwait(false);
        var stateType = BeaconTypes.For(state.Fork).BeaconState;
        stateType.Validate(state.Bytes);
        var roots = stateType.FieldSlice(state.Bytes, "block_roots").In(state.Bytes).ToArray();
        LogPeriodRoots(_logger, stateSlot, state.Bytes.Length);
        return roots;
    }
}
