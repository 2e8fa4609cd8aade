using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;

namespace Keeper.Chain.Transactions;

/// <summary>
/// Decodes signed transactions from their network encoding and recovers the sender. Accepts legacy transactions
/// (EIP-155 <c>v</c>, or pre-EIP-155 <c>v</c> = 27/28, decoded with chain id 0) and EIP-1559 (type 0x02) transactions.
/// Strict: the RLP must be canonical, integers minimal, and the input must re-encode to itself.
/// </summary>
public static class TransactionDecoder
{
    private static readonly BigInteger MaxEip155V = (new BigInteger(ulong.MaxValue) * 2) + 36;

    /// <summary>Decodes a signed transaction and recovers its sender.</summary>
    /// <exception cref="TransactionDecodingException">The bytes are not a valid signed transaction of a supported type.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionDecodingException("The raw transaction is empty.");
        }

        var first = raw[0];
        if (first >= 0xc0)
        {
            return Finish(raw, DecodeLegacy(Parse(raw, "legacy transaction")));
        }

        if (first == Eip1559Transaction.TypeByte)
        {
            return Finish(raw, DecodeEip1559(Parse(raw[1..], "EIP-1559 transaction (offsets count from the byte after the type byte)")));
        }

        if (first <= 0x7f)
        {
            throw new TransactionDecodingException(
                $"Unsupported transaction type 0x{first:x2}{TypeName(first)}; Keeper decodes legacy and EIP-1559 (type 0x02) transactions only.");
        }

        throw new TransactionDecodingException(
            $"The raw transaction starts with 0x{first:x2}, an RLP byte string: it is neither a legacy transaction (an RLP list) nor a typed transaction (a type byte below 0x80).");
    }

    private static string TypeName(byte type) => type switch
    {
        0x01 => " (EIP-2930 access list transaction)",
        0x03 => " (EIP-4844 blob transaction)",
        0x04 => " (EIP-7702 set-code transaction)",
        _ => string.Empty,
    };

    private static RlpItem Parse(ReadOnlySpan<byte> payload, string what)
    {
        try
        {
            return RlpDecoder.Decode(payload);
        }
        catch (RlpException ex)
        {
            throw new TransactionDecodingException($"Malformed {what}: {ex.Message}", ex);
        }
    }

    private static (UnsignedTransaction Transaction, EcdsaSignature Signature) DecodeLegacy(RlpItem root) => Guarded("legacy", () =>
    {
        var fields = root.ItemsExactly(9, "A signed legacy transaction");
        var v = fields[6].ToBigInteger();
        ulong chainId;
        byte recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = 0;
            recoveryId = (byte)(v - 27);
        }
        else if (v >= 37 && v <= MaxEip155V)
        {
            chainId = (ulong)((v - 35) / 2);
            recoveryId = (byte)((v - 35) % 2);
        }
        else
        {
            throw new TransactionDecodingException(
                $"Legacy transaction v = {v} is neither 27/28 (pre-EIP-155) nor chainId * 2 + 35/36 (EIP-155) for a chain id from 1 to 2^64-1.");
        }

        var transaction = new LegacyTransaction(
            Nonce: fields[0].ToUInt64(),
            GasPrice: fields[1].ToBigInteger(),
            GasLimit: fields[2].ToUInt64(),
            To: fields[3].ToOptionalAddress(),
            Value: fields[4].ToBigInteger(),
            Data: fields[5].Bytes.ToArray(),
            ChainId: chainId);
        return (transaction, Signature(fields[7], fields[8], recoveryId));
    });

    private static (UnsignedTransaction Transaction, EcdsaSignature Signature) DecodeEip1559(RlpItem root) => Guarded("EIP-1559", () =>
    {
        var fields = root.ItemsExactly(12, "A signed EIP-1559 transaction");
        var yParity = fields[9].ToUInt64();
        if (yParity > 1)
        {
            throw new TransactionDecodingException($"EIP-1559 transaction y parity must be 0 or 1; got {yParity}.");
        }

        var transaction = new Eip1559Transaction(
            ChainId: fields[0].ToUInt64(),
            Nonce: fields[1].ToUInt64(),
            MaxPriorityFeePerGas: fields[2].ToBigInteger(),
            MaxFeePerGas: fields[3].ToBigInteger(),
            GasLimit: fields[4].ToUInt64(),
            To: fields[5].ToOptionalAddress(),
            Value: fields[6].ToBigInteger(),
            Data: fields[7].Bytes.ToArray(),
            AccessList: DecodeAccessList(fields[8]));
        return (transaction, Signature(fields[10], fields[11], (byte)yParity));
    });

    private static AccessListEntry[] DecodeAccessList(RlpItem item)
    {
        var entries = item.Items;
        var result = new AccessListEntry[entries.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var pair = entries[i].ItemsExactly(2, "An access list entry");
            var keys = pair[1].Items;
            var storageKeys = new Hash32[keys.Count];
            for (var k = 0; k < storageKeys.Length; k++)
            {
                storageKeys[k] = keys[k].ToHash32();
            }

            result[i] = new AccessListEntry(pair[0].ToAddress(), storageKeys);
        }

        return result;
    }

    private static EcdsaSignature Signature(RlpItem r, RlpItem s, byte recoveryId) =>
        EcdsaSignature.FromComponents(r.ToBigInteger(), s.ToBigInteger(), recoveryId);

    private static (UnsignedTransaction Transaction, EcdsaSignature Signature) Guarded(
        string kind, Func<(UnsignedTransaction Transaction, EcdsaSignature Signature)> decode)
    {
        try
        {
            return decode();
        }
        catch (RlpException ex)
        {
            throw new TransactionDecodingException($"Invalid {kind} transaction: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // A field value the transaction records reject, such as a tip above the fee cap.
            throw new TransactionDecodingException($"Invalid {kind} transaction: {ex.Message}", ex);
        }
    }

    private static SignedTransaction Finish(ReadOnlySpan<byte> raw, (UnsignedTransaction Transaction, EcdsaSignature Signature) decoded)
    {
        var (transaction, signature) = decoded;
        if (!transaction.EncodeSigned(signature).AsSpan().SequenceEqual(raw))
        {
            // Unreachable while the RLP decoder and integer readers are strict; kept so a hash is never reported
            // for bytes that are not the canonical encoding.
            throw new TransactionDecodingException("The transaction is not in canonical form: re-encoding it gives different bytes.");
        }

        Address sender;
        try
        {
            sender = Secp256k1.RecoverAddress(transaction.SigningHash(), signature);
        }
        catch (InvalidSignatureException ex)
        {
            throw new TransactionDecodingException($"Cannot recover the sender of the {transaction.Type} transaction: {ex.Message}", ex);
        }

        var bytes = raw.ToArray();
        return new SignedTransaction(transaction, signature, bytes, new Hash32(Keccak256.Hash(bytes)), sender);
    }
}
