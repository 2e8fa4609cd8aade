using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Transactions;

/// <summary>Signs transactions into their network encoding.</summary>
public static class TransactionSigner
{
    /// <summary>
    /// Signs <paramref name="transaction"/> with <paramref name="key"/>: legacy transactions per EIP-155, EIP-1559
    /// transactions with their y parity. The signature is deterministic (RFC 6979) and low-s.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The chain id is 0 (a transaction without replay protection is never signed), or the fields are inconsistent.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static SignedTransaction Sign(UnsignedTransaction transaction, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(key);
        if (transaction.ChainId == 0)
        {
            throw new ArgumentException(
                "Refusing to sign a transaction with chain id 0: it would have no replay protection and be valid on every chain. Set ChainId to the target chain's id (eth_chainId).",
                nameof(transaction));
        }

        var signature = key.Sign(transaction.SigningHash());
        var raw = transaction.EncodeSigned(signature);
        return new SignedTransaction(transaction, signature, raw, new Hash32(Keccak256.Hash(raw)), key.Address);
    }
}
