using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// Rocket Pool's <c>ValidatorProof</c>: <c>validators[ValidatorIndex]</c> of the beacon state, proven from the beacon
/// block root through the header's state_root (50 witnesses, leaf side first).
/// </summary>
[Struct("ValidatorProof")]
public sealed class ValidatorProofStruct
{
    /// <summary>The validator's index in the beacon state (a uint40).</summary>
    [Parameter("uint40", "validatorIndex", 1)]
    public ulong ValidatorIndex { get; set; }

    /// <summary>The proven validator.</summary>
    [Parameter("tuple", "validator", 2)]
    public ValidatorStruct Validator { get; set; } = new();

    /// <summary>The Merkle branch (32 bytes each), from the leaf's sibling up to the block root's children.</summary>
    [Parameter("bytes32[]", "witnesses", 3)]
    public List<byte[]> Witnesses { get; set; } = [];
}
