namespace Keeper.Chain.Transactions;

/// <summary>The EIP-2718 transaction types Keeper builds and decodes.</summary>
public enum TransactionType : byte
{
    /// <summary>A legacy (untyped) transaction with a gas price, signed per EIP-155 (or pre-EIP-155 when decoded).</summary>
    Legacy = 0x00,

    /// <summary>An EIP-1559 fee-market transaction, type byte 0x02.</summary>
    Eip1559 = 0x02,
}
