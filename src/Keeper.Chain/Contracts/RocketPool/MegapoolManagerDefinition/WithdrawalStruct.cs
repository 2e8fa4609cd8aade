using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>Rocket Pool's <c>Withdrawal</c>: the execution payload's Withdrawal container, field for field.</summary>
[Struct("Withdrawal")]
public sealed class WithdrawalStruct
{
    /// <summary>The withdrawal's global index.</summary>
    [Parameter("uint64", "index", 1)]
    public ulong Index { get; set; }

    /// <summary>The beacon state index of the validator withdrawn from.</summary>
    [Parameter("uint64", "validatorIndex", 2)]
    public ulong ValidatorIndex { get; set; }

    /// <summary>The execution address paid (20 bytes; the contract calls it withdrawalCredentials).</summary>
    [Parameter("bytes20", "withdrawalCredentials", 3)]
    public byte[] WithdrawalCredentials { get; set; } = new byte[20];

    /// <summary>The amount, in gwei.</summary>
    [Parameter("uint64", "amountInGwei", 4)]
    public ulong AmountInGwei { get; set; }
}
