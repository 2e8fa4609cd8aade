namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Roots of all-zero subtrees: <c>Get(d)</c> is the root of 2^d zero chunks. Lists pad with these.</summary>
internal static class ZeroHashes
{
    /// <summary>Deep enough for any list limit up to 2^64 chunks.</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] Ladder = CreateLadder();

    /// <summary>The root of a zero subtree of depth <paramref name="depth"/>.</summary>
    public static ReadOnlySpan<byte> Get(int depth) => Ladder.AsSpan(depth * 32, 32);

    private static byte[] CreateLadder()
    {
        var ladder = new byte[(MaxDepth + 1) * 32];
        for (var d = 1; d <= MaxDepth; d++)
        {
            Sha256.HashPair(ladder.AsSpan((d - 1) * 32, 32), ladder.AsSpan((d - 1) * 32, 32), ladder.AsSpan(d * 32, 32));
        }

        return ladder;
    }
}
