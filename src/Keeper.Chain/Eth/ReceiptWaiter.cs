using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>
/// Waits for a transaction's receipt to reach a number of confirmations, polling on an injected clock. A receipt whose
/// block is no longer canonical (a reorg undid it) does not count; waiting goes on until it is mined again.
/// </summary>
public sealed class ReceiptWaiter
{
    private readonly EthApi _eth;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;

    /// <summary>Creates a waiter that polls every <paramref name="pollInterval"/>.</summary>
    public ReceiptWaiter(EthApi eth, TimeSpan pollInterval, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pollInterval, TimeSpan.Zero);
        _eth = eth;
        _pollInterval = pollInterval;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Returns the receipt once its block has <paramref name="confirmations"/> blocks on top including itself
    /// (1 = mined) and is still canonical. Cancel the token to give up.
    /// </summary>
    public async Task<TransactionReceipt> WaitAsync(Hash32 transactionHash, int confirmations, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmations, 1);
        while (true)
        {
            var confirmed = await TryGetConfirmedAsync(transactionHash, confirmations, cancellationToken);
            if (confirmed is not null)
            {
                return confirmed;
            }

            await Task.Delay(_pollInterval, _timeProvider, cancellationToken);
        }
    }

    /// <summary>One check: the receipt if it has the confirmations and its block is canonical, otherwise null.</summary>
    public async Task<TransactionReceipt?> TryGetConfirmedAsync(Hash32 transactionHash, int confirmations, CancellationToken cancellationToken)
    {
        var receipt = await _eth.GetTransactionReceiptAsync(transactionHash, cancellationToken);
        if (receipt is null)
        {
            return null;
        }

        var head = await _eth.BlockNumberAsync(cancellationToken);
        if (head < receipt.BlockNumber || head - receipt.BlockNumber + 1 < (ulong)confirmations)
        {
            return null;
        }

        var canonical = await _eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), cancellationToken);
        return canonical.Hash == receipt.BlockHash ? receipt : null;
    }
}
