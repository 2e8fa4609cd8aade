using System.Buffers.Binary;
using System.Security.Cryptography;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>The hash tree roots of the proven leaves, as SSZ defines them.</summary>
public static class SszLeaves
{
    public static byte[] Uint64(ulong value)
    {
        var chunk = new byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(chunk, value);
        return chunk;
    }

    public static byte[] Validator(ValidatorStruct v)
    {
        var pubkeyRoot = SHA256.HashData([.. v.Pubkey, .. new byte[16]]);
        var slashed = new byte[32];
        slashed[0] = v.Slashed ? (byte)1 : (byte)0;
        return Merkleize(
            pubkeyRoot, v.WithdrawalCredentials, Uint64(v.EffectiveBalance), slashed,
            Uint64(v.ActivationEligibilityEpoch), Uint64(v.ActivationEpoch), Uint64(v.ExitEpoch), Uint64(v.WithdrawableEpoch));
    }

    public static byte[] Withdrawal(WithdrawalStruct w) =>
        Merkleize(Uint64(w.Index), Uint64(w.ValidatorIndex), [.. w.WithdrawalCredentials, .. new byte[12]], Uint64(w.AmountInGwei));

    /// <summary>sha256(le(genesis_time) ++ genesis_validators_root): the slot proof's second witness.</summary>
    public static byte[] GenesisWitness(ulong genesisTime, byte[] genesisValidatorsRoot) =>
        SparseMerkleTree.Hash(Uint64(genesisTime), genesisValidatorsRoot);

    private static byte[] Merkleize(params byte[][] chunks)
    {
        var level = chunks;
        while (level.Length > 1)
        {
            level = [.. level.Chunk(2).Select(pair => SparseMerkleTree.Hash(pair[0], pair[1]))];
        }

        return level[0];
    }
}
