using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary>
/// MinipoolManager's <c>Minipool</c> return struct, its 22 fields in the protocol's order (a dynamic tuple: it holds
/// <c>bytes blsPubkeyAndSig</c>). Times and the status are uint256 words; a value out of the property's range fails decoding.
/// </summary>
public sealed class MinipoolStruct
{
    /// <summary>The minipool's index (-1 in the answer for a node ID without one).</summary>
    [Parameter("int256", "index", 1)]
    public long Index { get; set; }

    /// <summary>The 20-byte Avalanche node ID.</summary>
    [Parameter("address", "nodeID", 2)]
    public string NodeId { get; set; } = "";

    /// <summary>The status (<see cref="GoGoMinipoolStatus"/>), stored as a uint256.</summary>
    [Parameter("uint256", "status", 3)]
    public byte Status { get; set; }

    /// <summary>The validation period the owner asked for, in seconds.</summary>
    [Parameter("uint256", "duration", 4)]
    public ulong Duration { get; set; }

    /// <summary>The delegation fee.</summary>
    [Parameter("uint256", "delegationFee", 5)]
    public BigInteger DelegationFee { get; set; }

    /// <summary>The C-Chain account that created it and may withdraw its funds.</summary>
    [Parameter("address", "owner", 6)]
    public string Owner { get; set; } = "";

    /// <summary>The orchestrator multisig assigned to it.</summary>
    [Parameter("address", "multisigAddr", 7)]
    public string MultisigAddr { get; set; } = "";

    /// <summary>The owner's AVAX, in wei.</summary>
    [Parameter("uint256", "avaxNodeOpAmt", 8)]
    public BigInteger AvaxNodeOpAmt { get; set; }

    /// <summary>The owner's first AVAX deposit, in wei.</summary>
    [Parameter("uint256", "avaxNodeOpInitialAmt", 9)]
    public BigInteger AvaxNodeOpInitialAmt { get; set; }

    /// <summary>The liquid stakers' AVAX assigned, in wei.</summary>
    [Parameter("uint256", "avaxLiquidStakerAmt", 10)]
    public BigInteger AvaxLiquidStakerAmt { get; set; }

    /// <summary>The BLS key and proof of possession.</summary>
    [Parameter("bytes", "blsPubkeyAndSig", 11)]
    public byte[] BlsPubkeyAndSig { get; set; } = [];

    /// <summary>The P-Chain transaction that added the validator.</summary>
    [Parameter("bytes32", "txID", 12)]
    public byte[] TxId { get; set; } = new byte[32];

    /// <summary>When it was created (or recreated), in seconds.</summary>
    [Parameter("uint256", "creationTime", 13)]
    public ulong CreationTime { get; set; }

    /// <summary>When its first validation cycle started, in seconds; 0 before.</summary>
    [Parameter("uint256", "initialStartTime", 14)]
    public ulong InitialStartTime { get; set; }

    /// <summary>When its current validation cycle started, in seconds.</summary>
    [Parameter("uint256", "startTime", 15)]
    public ulong StartTime { get; set; }

    /// <summary>When its last validation cycle ended, in seconds; 0 before.</summary>
    [Parameter("uint256", "endTime", 16)]
    public ulong EndTime { get; set; }

    /// <summary>The AVAX rewards of the last cycle, in wei.</summary>
    [Parameter("uint256", "avaxTotalRewardAmt", 17)]
    public BigInteger AvaxTotalRewardAmt { get; set; }

    /// <summary>Why it failed or was canceled (short ASCII), zero otherwise.</summary>
    [Parameter("bytes32", "errorCode", 18)]
    public byte[] ErrorCode { get; set; } = new byte[32];

    /// <summary>GGP slashed at the last cycle's end, in wei.</summary>
    [Parameter("uint256", "ggpSlashAmt", 19)]
    public BigInteger GgpSlashAmt { get; set; }

    /// <summary>The owner's share of the rewards, in wei.</summary>
    [Parameter("uint256", "avaxNodeOpRewardAmt", 20)]
    public BigInteger AvaxNodeOpRewardAmt { get; set; }

    /// <summary>The liquid stakers' share of the rewards, in wei.</summary>
    [Parameter("uint256", "avaxLiquidStakerRewardAmt", 21)]
    public BigInteger AvaxLiquidStakerRewardAmt { get; set; }

    /// <summary>The hardware provider's identifier.</summary>
    [Parameter("bytes32", "hardwareProvider", 22)]
    public byte[] HardwareProvider { get; set; } = new byte[32];
}
