using System.Numerics;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Nethereum.Model;
using Nethereum.Signer;

namespace Keeper.Actors.Tests.Submission;

/// <summary>An EIP-1559 transaction a fake node received, decoded by Nethereum, with its sender recovered from the signature.</summary>
public sealed record DecodedTransaction(
    byte[] Raw, Hash32 Hash, Address Sender, ulong Nonce, Address? To, byte[] Data, ulong GasLimit, BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>Decodes raw bytes as <c>eth_sendRawTransaction</c> carries them.</summary>
    /// <exception cref="InvalidOperationException">The bytes are not an EIP-1559 transaction.</exception>
    public static DecodedTransaction Decode(byte[] raw)
    {
        if (TransactionFactory.CreateTransaction(raw) is not Transaction1559 tx)
        {
            throw new InvalidOperationException($"The submitter sent a transaction that is not EIP-1559 (type byte 0x{raw[0]:x2}).");
        }

        return new DecodedTransaction(
            raw,
            RawTransaction.From(raw).Hash,
            Address.Parse(tx.GetSenderAddress()),
            (ulong)tx.Nonce!.Value,
            string.IsNullOrEmpty(tx.ReceiverAddress) || tx.ReceiverAddress == "0x" ? null : Address.Parse(tx.ReceiverAddress.ToLowerInvariant()),
            Hex.Decode(tx.Data ?? "0x"),
            (ulong)tx.GasLimit!.Value,
            tx.MaxFeePerGas!.Value,
            tx.MaxPriorityFeePerGas!.Value);
    }
}
