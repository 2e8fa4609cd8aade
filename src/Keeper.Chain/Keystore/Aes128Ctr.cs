using System.Security.Cryptography;

namespace Keeper.Chain.Keystore;

/// <summary>AES-128 in CTR mode, which .NET does not provide directly: ECB encryption of a counter block, XORed in.</summary>
internal static class Aes128Ctr
{
    private const int BlockSize = 16;

    /// <summary>Encrypts or decrypts (the same operation in CTR mode); the IV is a 128-bit big-endian counter incremented per block.</summary>
    public static byte[] Transform(ReadOnlySpan<byte> key, byte[] iv, byte[] input)
    {
        if (key.Length != 16 || iv.Length != BlockSize)
        {
            throw new ArgumentException($"AES-128-CTR needs a 16-byte key and a 16-byte IV; got {key.Length} and {iv.Length}.");
        }

        using var aes = Aes.Create();
        var keyCopy = key.ToArray();
        aes.Key = keyCopy;
        CryptographicOperations.ZeroMemory(keyCopy);
        var counter = iv.ToArray();
        var keystream = new byte[BlockSize];
        var output = new byte[input.Length];
        for (var offset = 0; offset < input.Length; offset += BlockSize)
        {
            aes.EncryptEcb(counter, keystream, PaddingMode.None);
            var count = Math.Min(BlockSize, input.Length - offset);
            for (var i = 0; i < count; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            }

            Increment(counter);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    private static void Increment(byte[] counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
