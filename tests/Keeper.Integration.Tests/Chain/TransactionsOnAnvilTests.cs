using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet;
using Keeper.Testing.Anvil;
using Nethereum.Model;
using Nethereum.Signer;
using Xunit;

namespace Keeper.Integration.Tests.Chain;

[Collection(AnvilCollection.Name)]
public sealed class TransactionsOnAnvilTests(AnvilFixture anvil) : IDisposable
{
    private readonly DevChainClient _session = new(anvil.Node);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task Eip1559_SignedByKeeper_MinedWithOurHashAndSender()
    {
        var key = _session.Keys[1];
        var recipient = _session.Keys[2].Address;
        var chainId = await _session.Eth.ChainIdAsync(CancellationToken.None);
        var nonce = await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, CancellationToken.None);
        var quote = await new FeeOracle(_session.Eth).QuoteAsync(CancellationToken.None);
        Assert.True(quote.WithinCap, quote.Reason);
        var tx = new Transaction1559(chainId, nonce, quote.MaxPriorityFeePerGas, quote.MaxFeePerGas, 21_000, recipient.ToLowerHex(), 12_345, "0x", []);
        var signed = key.Sign(tx);
        var balanceBefore = await _session.Eth.GetBalanceAsync(recipient, BlockTag.Latest, CancellationToken.None);

        var nodeHash = await _session.Eth.SendRawTransactionAsync(signed.Bytes, CancellationToken.None);
        var receipt = await _session.WaitMinedAsync(nodeHash);

        Assert.Equal(signed.Hash, nodeHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(key.Address, Address.Parse(tx.GetSenderAddress()));
        Assert.Equal(key.Address, Sender(signed.Bytes));
        Assert.Equal(signed.Bytes, await RawTransactionAsync(nodeHash));
        Assert.Equal(balanceBefore + 12_345, await _session.Eth.GetBalanceAsync(recipient, BlockTag.Latest, CancellationToken.None));
        Assert.Equal(nonce + 1, await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Legacy_Eip155SignedThroughNethereum_MinedWithOurHashAndSender()
    {
        var key = _session.Keys[3];
        var chainId = await _session.Eth.ChainIdAsync(CancellationToken.None);
        var nonce = await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, CancellationToken.None);
        var head = await _session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var gasPrice = (head.BaseFeePerGas ?? 0) * 2;
        // Keeper signs only EIP-1559; a legacy EIP-155 transaction signed by Nethereum's legacy signer must still be
        // decoded, hashed and attributed the same way by our code and by the node.
        var keyBytes = key.ExportBytes();
        var signed = RawTransaction.From(Hex.Decode(new LegacyTransactionSigner().SignTransaction(
            keyBytes, chainId, _session.Keys[4].Address.ToLowerHex(), 1, nonce, gasPrice, 21_000, string.Empty)));
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(keyBytes);
        Assert.IsType<LegacyTransactionChainId>(TransactionFactory.CreateTransaction(signed.Bytes));

        var nodeHash = await _session.Eth.SendRawTransactionAsync(signed.Bytes, CancellationToken.None);
        var receipt = await _session.WaitMinedAsync(nodeHash);

        Assert.Equal(signed.Hash, nodeHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(key.Address, Sender(signed.Bytes));
        Assert.Equal(signed.Bytes, await RawTransactionAsync(nodeHash));
    }

    [Fact]
    public async Task Nonces_PendingCountsPoolLatestDoesNot()
    {
        var key = _session.Keys[5];
        await _session.SetAutomineAsync(false);
        try
        {
            var latestBefore = await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None);
            var signed = await _session.SignAsync(key, _session.Keys[6].Address, [], 1);
            await _session.Eth.SendRawTransactionAsync(signed.Bytes, CancellationToken.None);

            Assert.Equal(latestBefore, await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
            Assert.Equal(latestBefore + 1, await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, CancellationToken.None));
        }
        finally
        {
            await _session.SetAutomineAsync(true);
            await _session.MineAsync();
        }
    }

    [Fact]
    public async Task FeeOracle_CapBelowNextBaseFee_RefusesWithReason()
    {
        var head = await _session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var cap = (head.BaseFeePerGas ?? BigInteger.One) / 2;
        var quote = await new FeeOracle(_session.Eth, new FeeOracleOptions { MaxFeePerGasCap = BigInteger.Max(cap, 1) }).QuoteAsync(CancellationToken.None);

        Assert.False(quote.WithinCap);
        Assert.Contains("exceeds the fee cap", quote.Reason, StringComparison.Ordinal);
    }

    private static Address Sender(byte[] raw) => Address.Parse(TransactionFactory.CreateTransaction(raw).GetSenderAddress());

    private async Task<byte[]> RawTransactionAsync(Hash32 hash)
    {
        var raw = await _session.Rpc.SendAsync("eth_getRawTransactionByHash", [hash.ToString()], CancellationToken.None);
        Assert.Equal(JsonValueKind.String, raw.ValueKind);
        return Hex.Decode(raw.GetString()!);
    }
}
