using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Chain.Logs;

/// <summary>
/// A block header's 2048-bit logs bloom (Yellow Paper, section 4.3.1): each log's address and topics set three bits, taken
/// from the first three pairs of bytes of their Keccak-256 hash. A clear bit proves absence; set bits may be chance.
/// </summary>
public static class LogsBloom
{
    /// <summary>The size of a logs bloom in bytes.</summary>
    public const int Size = 256;

    /// <summary>True when <paramref name="bloom"/> may contain a log with topic or address <paramref name="item"/>.</summary>
    public static bool MayContain(ReadOnlySpan<byte> bloom, ReadOnlySpan<byte> item)
    {
        if (bloom.Length != Size)
        {
            throw new ArgumentException($"A logs bloom is {Size} bytes; got {bloom.Length}.", nameof(bloom));
        }

        var hash = Sha3Keccack.Current.CalculateHash(item.ToArray());
        for (var i = 0; i < 6; i += 2)
        {
            var bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
            if ((bloom[Size - 1 - (bit / 8)] & (1 << (bit % 8))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="bloom"/> may contain a log with any of <paramref name="topics"/>.</summary>
    public static bool MayContainAny(ReadOnlySpan<byte> bloom, IEnumerable<Hash32> topics)
    {
        foreach (var topic in topics)
        {
            if (MayContain(bloom, topic.Bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets the bits of <paramref name="item"/> in <paramref name="bloom"/> (as a node does when it builds one).</summary>
    public static void Add(Span<byte> bloom, ReadOnlySpan<byte> item)
    {
        var hash = Sha3Keccack.Current.CalculateHash(item.ToArray());
        for (var i = 0; i < 6; i += 2)
        {
            var bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
            bloom[Size - 1 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }
    }
}
