using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// <c>notifyExit(address,uint32,uint64,ValidatorProof,SlotProof)</c>: reports a validator's exit with a proof of its
/// withdrawable epoch; late when the proof's epoch is past <c>withdrawableEpoch - getNotifyThreshold()</c>.
/// </summary>
[Function("notifyExit")]
public sealed class NotifyExitFunction : ValidatorProofFunction;
