extern alias PortableBouncyCastle;

using PortableBouncyCastle::Org.BouncyCastle.Crypto.Digests;

namespace Keeper.Chain.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>The digest length in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes the input and returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var output = new byte[Size];
        Hash(input, output);
        return output;
    }

    /// <summary>Hashes the input into <paramref name="output"/>, which must hold at least 32 bytes.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < Size)
        {
            throw new ArgumentException($"The output must hold {Size} bytes; it holds {output.Length}.", nameof(output));
        }

        // Portable.BouncyCastle 1.8 has no span overloads.
        var digest = new KeccakDigest(256);
        var buffer = input.ToArray();
        digest.BlockUpdate(buffer, 0, buffer.Length);
        var result = new byte[Size];
        digest.DoFinal(result, 0);
        result.CopyTo(output);
    }

    /// <summary>Hashes the UTF-8 bytes of a string, as for function signatures and storage keys.</summary>
    public static byte[] Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
