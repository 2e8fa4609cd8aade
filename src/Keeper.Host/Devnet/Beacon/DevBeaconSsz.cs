using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// Assembles the devnet's SSZ objects with Keeper's own beacon types (Electra layout): validators, withdrawals, block
/// bodies with an execution payload, blocks and states. Fields the devnet has no use for keep their default values.
/// </summary>
internal static class DevBeaconSsz
{
    /// <summary>The fork every devnet state and block has: Electra from genesis.</summary>
    public const BeaconFork Fork = BeaconFork.Electra;

    /// <summary>The layouts.</summary>
    public static BeaconTypes Types { get; } = BeaconTypes.For(Fork);

    /// <summary>The little-endian serialization of a uint64.</summary>
    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>A serialized <c>Validator</c>.</summary>
    public static byte[] Validator(DevValidator validator) =>
        Types.Validator.Serialize(new Dictionary<string, byte[]>
        {
            ["pubkey"] = validator.Pubkey.ToArray(),
            ["withdrawal_credentials"] = validator.WithdrawalCredentials.ToArray(),
            ["effective_balance"] = U64(validator.EffectiveBalance),
            ["slashed"] = [validator.Slashed ? (byte)1 : (byte)0],
            ["activation_eligibility_epoch"] = U64(validator.ActivationEligibilityEpoch),
            ["activation_epoch"] = U64(validator.ActivationEpoch),
            ["exit_epoch"] = U64(validator.ExitEpoch),
            ["withdrawable_epoch"] = U64(validator.WithdrawableEpoch),
        });

    /// <summary>A serialized <c>Withdrawal</c>.</summary>
    public static byte[] Withdrawal(DevWithdrawal withdrawal) =>
        Types.Withdrawal.Serialize(new Dictionary<string, byte[]>
        {
            ["index"] = U64(withdrawal.Index),
            ["validator_index"] = U64(withdrawal.ValidatorIndex),
            ["address"] = withdrawal.Address.ToArray(),
            ["amount"] = U64(withdrawal.AmountGwei),
        });

    /// <summary>
    /// A serialized <c>BeaconBlockBody</c> whose execution payload names the anvil block that produced the beacon block
    /// and carries <paramref name="withdrawals"/>.
    /// </summary>
    public static byte[] Body(ulong timestamp, DevExecutionBlock execution, IReadOnlyList<DevWithdrawal> withdrawals)
    {
        var payload = Types.ExecutionPayload.Serialize(new Dictionary<string, byte[]>
        {
            ["parent_hash"] = execution.ParentHash.ToArray(),
            ["block_number"] = U64(execution.Number),
            ["timestamp"] = U64(timestamp),
            ["block_hash"] = execution.Hash.ToArray(),
            ["withdrawals"] = Sequence(Types.ExecutionPayload, "withdrawals", withdrawals.Select(Withdrawal)),
        });
        return Types.BeaconBlockBody.Serialize(new Dictionary<string, byte[]> { ["execution_payload"] = payload });
    }

    /// <summary>A serialized <c>BeaconBlock</c>.</summary>
    public static byte[] Block(ulong slot, ulong proposerIndex, Hash32 parentRoot, Hash32 stateRoot, byte[] body) =>
        Types.BeaconBlock.Serialize(new Dictionary<string, byte[]>
        {
            ["slot"] = U64(slot),
            ["proposer_index"] = U64(proposerIndex),
            ["parent_root"] = parentRoot.ToArray(),
            ["state_root"] = stateRoot.ToArray(),
            ["body"] = body,
        });

    /// <summary>A serialized <c>SignedBeaconBlock</c> with an all-zero signature (nothing on devnet checks it).</summary>
    public static byte[] SignedBlock(byte[] block) =>
        Types.SignedBeaconBlock.Serialize(new Dictionary<string, byte[]> { ["message"] = block });

    /// <summary>A serialized <c>BeaconBlockHeader</c>.</summary>
    public static byte[] Header(ulong slot, ulong proposerIndex, Hash32 parentRoot, Hash32 stateRoot, Hash32 bodyRoot) =>
        Types.BeaconBlockHeader.Serialize(new Dictionary<string, byte[]>
        {
            ["slot"] = U64(slot),
            ["proposer_index"] = U64(proposerIndex),
            ["parent_root"] = parentRoot.ToArray(),
            ["state_root"] = stateRoot.ToArray(),
            ["body_root"] = bodyRoot.ToArray(),
        });

    /// <summary>Serializes the elements of list or vector field <paramref name="field"/> of <paramref name="container"/>.</summary>
    public static byte[] Sequence(SszContainerType container, string field, IEnumerable<byte[]> elements) =>
        ((SszSequenceType)container.FieldType(field)).Serialize(elements.ToArray());
}
