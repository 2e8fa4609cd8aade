using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Transactions;
using Keeper.Host.Devnet;
using Keeper.Testing.Anvil;
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
        var tx = new Eip1559Transaction(chainId, nonce, quote.MaxPriorityFeePerGas, quote.MaxFeePerGas, 21_000, recipient, 12_345, [], []);
        var signed = TransactionSigner.Sign(tx, key);
        var balanceBefore = await _session.Eth.GetBalanceAsync(recipient, BlockTag.Latest, CancellationToken.None);

        var nodeHash = await _session.Eth.SendRawTransactionAsync(signed.RawEncoding, CancellationToken.None);
        var receipt = await _session.WaitMinedAsync(nodeHash);

        Assert.Equal(signed.Hash, nodeHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(key.Address, signed.Sender);
        Assert.Equal(key.Address, TransactionDecoder.Decode(signed.RawEncoding).Sender);
        Assert.Equal(signed.RawEncoding, await RawTransactionAsync(nodeHash));
        Assert.Equal(balanceBefore + 12_345, await _session.Eth.GetBalanceAsync(recipient, BlockTag.Latest, CancellationToken.None));
        Assert.Equal(nonce + 1, await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Legacy_SignedByKeeperWithEip155_MinedWithOurHashAndSender()
    {
        var key = _session.Keys[3];
        var chainId = await _session.Eth.ChainIdAsync(CancellationToken.None);
        var nonce = await _session.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, CancellationToken.None);
        var head = await _session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var gasPrice = (head.BaseFeePerGas ?? 0) * 2;
        var tx = new LegacyTransaction(nonce, gasPrice, 21_000, _session.Keys[4].Address, 1, [], chainId);
        var signed = TransactionSigner.Sign(tx, key);

        var nodeHash = await _session.Eth.SendRawTransactionAsync(signed.RawEncoding, CancellationToken.None);
        var receipt = await _session.WaitMinedAsync(nodeHash);

        Assert.Equal(signed.Hash, nodeHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(key.Address, TransactionDecoder.Decode(signed.RawEncoding).Sender);
        Assert.Equal(signed.RawEncoding, await RawTransactionAsync(nodeHash));
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
            await _session.Eth.SendRawTransactionAsync(signed.RawEncoding, CancellationToken.None);

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

    private async Task<byte[]> RawTransactionAsync(Hash32 hash)
    {
        var raw = await _session.Rpc.SendAsync("eth_getRawTransactionByHash", [hash.ToString()], CancellationToken.None);
        Assert.Equal(JsonValueKind.String, raw.ValueKind);
        return Hex.Decode(raw.GetString()!);
    }
}
