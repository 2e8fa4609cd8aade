using System.Buffers.Binary;
using System.Text;
using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Actors.Gate;

/// <summary>
/// The round-robin rule every keeper of a cluster evaluates identically (shared/DESIGN.md): window
/// <c>k = floor((t - dueAt) / W)</c> with <c>t</c> the next block's timestamp, and holder
/// <c>members[(s + k) mod N]</c> with <c>s</c> the first 8 bytes (big-endian) of <c>keccak256(taskKey)</c> and the
/// members ordered by signing address.
/// </summary>
public static class GateMath
{
    /// <summary>The task's seed: the first 8 bytes of <c>keccak256(utf8(taskKey))</c>, big-endian.</summary>
    public static ulong Seed(string taskKey) => BinaryPrimitives.ReadUInt64BigEndian(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(taskKey)));

    /// <summary>The window index at chain time <paramref name="nextBlockTime"/>, or -1 before the task is due.</summary>
    public static long Window(ulong dueAt, ulong nextBlockTime, ulong windowSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(windowSeconds);
        return nextBlockTime < dueAt ? -1 : (long)((nextBlockTime - dueAt) / windowSeconds);
    }

    /// <summary>The chain time at which window <paramref name="window"/> ends (the next window begins).</summary>
    public static ulong WindowEnd(ulong dueAt, long window, ulong windowSeconds) => dueAt + ((ulong)(window + 1) * windowSeconds);

    /// <summary>The holder of <paramref name="window"/> among <paramref name="members"/> (ordered by address).</summary>
    public static Address Holder(ulong seed, long window, IReadOnlyList<Address> members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        if (members.Count == 0)
        {
            throw new ArgumentException("A round-robin needs at least one member.", nameof(members));
        }

        var n = (ulong)members.Count;
        return members[(int)(((seed % n) + ((ulong)window % n)) % n)];
    }

    /// <summary>Orders members as the rule requires: by lowercase hex address (the same as by bytes).</summary>
    public static IReadOnlyList<Address> Order(IEnumerable<Address> members) => members.Distinct().Order().ToArray();
}
