using BenchmarkDotNet.Attributes;
using Keeper.Benchmarks.Actors;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Nethereum.Model;
using Nethereum.Signer;

namespace Keeper.Benchmarks.Signing;

/// <summary>
/// EIP-1559 transactions signed per second the way the submitter signs them: a <see cref="Transaction1559"/> with every
/// field set, signed by <see cref="PrivateKey.Sign"/> (Nethereum's Transaction1559Signer), encoded and hashed. With
/// Nethereum's recoverable signing (what Keeper runs with) and its classic path for comparison; a key whose first byte is
/// zero takes Keeper's full-scalar path around Nethereum 6.1.0's fault in either setting. Each operation is one
/// transaction.
/// </summary>
[ShortRunInProcess]
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const int Transactions = 200;
    private const string Target = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46";
    private const string DissolveCall = "0x3b8a8f4c0000000000000000000000000000000000000000000000000000000000000007";

    private PrivateKey _key = null!;
    private PrivateKey _leadingZeroKey = null!;

    /// <summary>Nethereum's <see cref="EthECKey.SignRecoverable"/>: on is what Keeper runs with.</summary>
    [Params(true, false)]
    public bool SignRecoverable { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Creating a key first runs PrivateKey's static constructor (which turns recoverable signing on), so the
        // parameter set below is the one measured.
        _key = PrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        _leadingZeroKey = PrivateKey.FromHex("0x000974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        EthECKey.SignRecoverable = SignRecoverable;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        EthECKey.SignRecoverable = true;
        _key.Dispose();
        _leadingZeroKey.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Transactions)]
    public Hash32 Eip1559() => SignMany(_key);

    [Benchmark(OperationsPerInvoke = Transactions)]
    public Hash32 Eip1559KeyWithLeadingZeroByte() => SignMany(_leadingZeroKey);

    private static Hash32 SignMany(PrivateKey key)
    {
        var last = Hash32.Zero;
        for (var nonce = 0; nonce < Transactions; nonce++)
        {
            last = key.Sign(new Transaction1559(1, nonce, 1_000_000_000, 30_000_000_000, 250_000, Target, 0, DissolveCall, [])).Hash;
        }

        return last;
    }
}
