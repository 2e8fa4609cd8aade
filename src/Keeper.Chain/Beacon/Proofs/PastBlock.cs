using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>A block that holds a withdrawal: its root, and the branch from withdrawals[n] up to that root.</summary>
internal sealed class PastBlock
{
    private PastBlock(ulong slot, int withdrawalNum, Hash32 root, byte[] leaf, byte[] branch, ProvenWithdrawal withdrawal)
    {
        Slot = slot;
        WithdrawalNum = withdrawalNum;
        Root = root;
        Leaf = leaf;
        Branch = branch;
        Withdrawal = withdrawal;
    }

    public ulong Slot { get; }

    public int WithdrawalNum { get; }

    public Hash32 Root { get; }

    /// <summary>The withdrawal's root.</summary>
    public byte[] Leaf { get; }

    /// <summary>Withdrawals list (4 + length), payload (5), body (4), block (3): 17 witnesses.</summary>
    public byte[] Branch { get; }

    public ProvenWithdrawal Withdrawal { get; }

    public static PastBlock Read(ReadOnlySpan<byte> signedBlock, BeaconFork fork, int withdrawalNum)
    {
        var types = BeaconTypes.For(fork);
        types.SignedBeaconBlock.Validate(signedBlock);
        var message = types.SignedBeaconBlock.FieldSlice(signedBlock, "message").In(signedBlock);
        var body = types.BeaconBlock.FieldSlice(message, "body").In(message);
        var payload = types.BeaconBlockBody.FieldSlice(body, "execution_payload").In(body);
        var withdrawals = types.ExecutionPayload.FieldSlice(payload, "withdrawals").In(payload);
        var slot = BinaryPrimitives.ReadUInt64LittleEndian(types.BeaconBlock.FieldSlice(message, "slot").In(message));

        var size = types.Withdrawal.FixedSize;
        var count = withdrawals.Length / size;
        if (withdrawalNum < 0 || withdrawalNum >= count)
        {
            throw new BeaconProofException($"The block at slot {slot} has {count} withdrawals; there is no withdrawal {withdrawalNum}.");
        }

        var withdrawalLeaves = new byte[count * 32];
        for (var i = 0; i < count; i++)
        {
            types.Withdrawal.WriteRoot(withdrawals.Slice(i * size, size), withdrawalLeaves.AsSpan(i * 32, 32));
        }

        var leaf = withdrawalLeaves.AsSpan(withdrawalNum * 32, 32).ToArray();
        var list = MerkleLayers.Build(withdrawalLeaves, BeaconGindices.WithdrawalsDepth);
        var payloadFields = FieldLayers(types.ExecutionPayload, payload, BeaconGindices.PayloadDepth);
        var bodyFields = FieldLayers(types.BeaconBlockBody, body, BeaconGindices.BodyDepth);
        var blockFields = FieldLayers(types.BeaconBlock, message, BeaconGindices.HeaderDepth);

        var branch = new byte[(BeaconGindices.WithdrawalsDepth + 1 + BeaconGindices.PayloadDepth + BeaconGindices.BodyDepth + BeaconGindices.HeaderDepth) * 32];
        var at = 0;
        list.WriteBranch(withdrawalNum, branch);
        at += BeaconGindices.WithdrawalsDepth * 32;
        BinaryPrimitives.WriteUInt64LittleEndian(branch.AsSpan(at), (ulong)count);
        at += 32;
        payloadFields.WriteBranch(types.ExecutionPayload.IndexOf("withdrawals"), branch.AsSpan(at));
        at += BeaconGindices.PayloadDepth * 32;
        bodyFields.WriteBranch(types.BeaconBlockBody.IndexOf("execution_payload"), branch.AsSpan(at));
        at += BeaconGindices.BodyDepth * 32;
        blockFields.WriteBranch(types.BeaconBlock.IndexOf("body"), branch.AsSpan(at));

        var record = withdrawals.Slice(withdrawalNum * size, size);
        var withdrawal = new ProvenWithdrawal(
            BinaryPrimitives.ReadUInt64LittleEndian(record[..8]),
            BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(8, 8)),
            new Address(record.Slice(16, 20)),
            BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(36, 8)));
        return new PastBlock(slot, withdrawalNum, new Hash32(blockFields.Root), leaf, branch, withdrawal);
    }

    private static MerkleLayers FieldLayers(SszContainerType type, ReadOnlySpan<byte> value, int depth)
    {
        var leaves = new byte[type.Fields.Count * 32];
        type.WriteFieldRoots(value, leaves);
        return MerkleLayers.Build(leaves, depth);
    }
}
