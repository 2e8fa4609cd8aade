using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>
/// SHA-256 of one 64-byte block, the only hash Merkle trees need. OpenSSL's low-level block function runs the
/// CPU's SHA instructions with no per-call setup, about six times faster on 64 bytes than
/// <see cref="System.Security.Cryptography.SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>, whose EVP context costs
/// more than the hashing (measured on this project's 2-core machine: ~100 ns against ~600 ns). Where libcrypto 3 is
/// absent, the BCL's one-shot hash is used.
/// </summary>
internal static class Sha256
{
    private const int StateWords = 28;

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    // The second block of a 64-byte message: the 0x80 terminator and the bit length 512, big-endian.
    private static readonly byte[] PaddingBlock = CreatePaddingBlock();

    private static readonly bool UseOpenSsl = ProbeOpenSsl();

    /// <summary>True when hashing runs through libcrypto's block function.</summary>
    public static bool IsNative => UseOpenSsl;

    /// <summary>Writes SHA-256 of exactly 64 input bytes into 32 output bytes (input and output may overlap).</summary>
    public static void Hash64(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (!UseOpenSsl)
        {
            Span<byte> digest = stackalloc byte[32];
            System.Security.Cryptography.SHA256.HashData(input[..64], digest);
            digest.CopyTo(output);
            return;
        }

        Span<uint> state = stackalloc uint[StateWords];
        InitialState.CopyTo(state);
        ref var stateRef = ref MemoryMarshal.GetReference(state);
        NativeMethods.SHA256_Transform(ref stateRef, ref MemoryMarshal.GetReference(input[..64]));
        NativeMethods.SHA256_Transform(ref stateRef, ref PaddingBlock[0]);
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.Slice(i * 4, 4), state[i]);
        }
    }

    /// <summary>Writes SHA-256(<paramref name="left"/> ++ <paramref name="right"/>) of two 32-byte nodes.</summary>
    public static void HashPair(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> output)
    {
        Span<byte> block = stackalloc byte[64];
        left[..32].CopyTo(block);
        right[..32].CopyTo(block[32..]);
        Hash64(block, output);
    }

    private static byte[] CreatePaddingBlock()
    {
        var block = new byte[64];
        block[0] = 0x80;
        block[62] = 0x02;
        return block;
    }

    private static bool ProbeOpenSsl()
    {
        try
        {
            Span<uint> state = stackalloc uint[StateWords];
            InitialState.CopyTo(state);
            var empty = new byte[64];
            NativeMethods.SHA256_Transform(ref MemoryMarshal.GetReference(state), ref empty[0]);
            NativeMethods.SHA256_Transform(ref MemoryMarshal.GetReference(state), ref PaddingBlock[0]);
            Span<byte> native = stackalloc byte[32];
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(native.Slice(i * 4, 4), state[i]);
            }

            // Trust the native path only when it agrees with the BCL on a known input.
            return native.SequenceEqual(System.Security.Cryptography.SHA256.HashData(empty));
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
