using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Keeper.Testing.Anvil;
using Nethereum.ABI;

using Xunit;

namespace Keeper.Integration.Tests.Chain;

[Collection(AnvilCollection.Name)]
public sealed class ContractsOnAnvilTests(AnvilFixture anvil) : IAsyncLifetime
{
    private readonly DevChainClient _session = new(anvil.Node);
    private readonly CompiledContract _probe = CompiledContracts.Get("ChainProbe");
    private Address _address;

    public async Task InitializeAsync() => _address = await _session.DeployAsync("ChainProbe");

    public Task DisposeAsync()
    {
        _session.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Call_EveryKindOfArgument_DecodesWhatTheContractReturns()
    {
        object?[] args =
        [
            BigInteger.Parse("-57896044618658097711785492504343953926634992332820282019728792003956564819968"),
            true,
            new byte[] { 0xab, 0xcd, 0xef },
            new object?[] { new BigInteger(1), new BigInteger(2), new BigInteger(255) },
            new object?[] { "", "one", new string('x', 100) },
            Enumerable.Range(0, 70).Select(i => (byte)i).ToArray(),
        ];

        var output = _probe.DecodeOutput("echo", await CallAsync(_probe.EncodeCall("echo", args)));

        Assert.Equal(args[0], output[0]);
        Assert.Equal(true, output[1]);
        Assert.Equal((byte[])args[2]!, (byte[])output[2]!);
        Assert.Equal((object?[])args[3]!, (object?[])output[3]!);
        Assert.Equal((object?[])args[4]!, (object?[])output[4]!);
        Assert.Equal((byte[])args[5]!, (byte[])output[5]!);
    }

    [Fact]
    public async Task Call_StructWrittenByOurTransaction_DecodesAsTuple()
    {
        var tags = new object?[] { Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)9, 32).ToArray() };
        var receipt = await _session.SendAsync(_session.Keys[0], _address, _probe.EncodeCall("putItem", new BigInteger(42), "forty-two", tags));
        Assert.True(receipt.Succeeded);

        var item = (object?[])_probe.DecodeOutput("getItem", await CallAsync(_probe.EncodeCall("getItem", new BigInteger(42))))[0]!;

        Assert.Equal(new BigInteger(42), item[0]);
        Assert.Equal(_session.Keys[0].Address, item[1]);
        Assert.Equal("forty-two", item[2]);
        Assert.Equal(tags.Select(t => Hex.Encode((byte[])t!)), ((object?[])item[3]!).Select(t => Hex.Encode((byte[])t!)));
    }

    [Fact]
    public async Task Call_RevertWithReason_DecodesErrorString()
    {
        var reason = await RevertOf(_probe.EncodeCall("failWithReason", "dissolve too early"));
        Assert.Equal("dissolve too early", Assert.IsType<RevertReason.ErrorString>(reason).Message);
    }

    [Fact]
    public async Task Call_DivisionByZero_DecodesPanic0x12()
    {
        var reason = await RevertOf(_probe.EncodeCall("failWithPanic", BigInteger.Zero));
        Assert.Equal(new BigInteger(0x12), Assert.IsType<RevertReason.Panic>(reason).Code);
    }

    [Fact]
    public async Task Call_CustomError_DecodesItsArguments()
    {
        var data = _probe.EncodeCall("failWithCustom", new BigInteger(7));
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() =>
            _session.Eth.CallAsync(new CallRequest(_address, data, _session.Keys[2].Address), BlockTag.Latest, CancellationToken.None));

        var custom = Assert.IsType<RevertReason.Custom>(RevertDecoder.Decode(error.RevertData, _probe.Abi.Errors));
        Assert.Equal("Unauthorized", custom.Error.Name);
        Assert.Equal(_session.Keys[2].Address, custom.Arguments[0]);
        Assert.Equal(new BigInteger(7), custom.Arguments[1]);
    }

    [Fact]
    public async Task Call_WithNextBlockTimeOverride_SimulatesTheFutureBlock()
    {
        var head = await _session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var deadline = head.Timestamp + 1000;
        var call = new CallRequest(_address, _probe.EncodeCall("failAfter", new BigInteger(deadline)));

        var early = await Assert.ThrowsAsync<JsonRpcNodeException>(() =>
            _session.Eth.CallAsync(call, BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: deadline)));
        var onTime = await _session.Eth.CallAsync(call, BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: deadline + 1));

        Assert.Equal("too early", Assert.IsType<RevertReason.ErrorString>(RevertDecoder.Decode(early.RevertData)).Message);
        Assert.Equal(true, _probe.DecodeOutput("failAfter", onTime)[0]);
    }

    [Fact]
    public async Task Events_FromReceiptAndGetLogs_DecodeIndexedAndDataFields()
    {
        var payload = new byte[] { 1, 2, 3 };
        var receipt = await _session.SendAsync(_session.Keys[1], _address, _probe.EncodeCall("set", new BigInteger(99), "ninety-nine", payload));
        await _session.SendAsync(_session.Keys[1], _address, _probe.EncodeCall("emitAnonymous", 5u, -3L));

        var fromReceipt = _probe.DecodeEvent("ValueSet", Assert.Single(receipt.Logs));
        var filter = new LogFilter(receipt.BlockNumber, receipt.BlockNumber, [_address], [[_probe.Topic("ValueSet")], null, [new Hash32(new ABIEncode().GetABIEncoded(new ABIValue("uint256", 99)))]]);
        var fromLogs = await new LogFetcher(_session.Eth).GetLogsAsync(filter, CancellationToken.None);

        Assert.Equal(_session.Keys[1].Address, fromReceipt["setter"]);
        Assert.Equal(new BigInteger(99), fromReceipt["value"]);
        Assert.Equal("ninety-nine", fromReceipt["note"]);
        Assert.Equal(payload, fromReceipt["payload"]);
        Assert.Equal(receipt.TransactionHash, Assert.Single(fromLogs).TransactionHash);
    }

    [Fact]
    public async Task Events_Anonymous_DecodeWithoutTopic0()
    {
        var receipt = await _session.SendAsync(_session.Keys[1], _address, _probe.EncodeCall("emitAnonymous", 5u, -3L));

        var decoded = _probe.DecodeEvent("Anonymousish", Assert.Single(receipt.Logs));

        Assert.Equal(new BigInteger(5), decoded["id"]);
        Assert.Equal(new BigInteger(-3), decoded["delta"]);
    }

    [Fact]
    public async Task BatchCaller_JsonRpcBatchAndMulticall3_AgreeAndIsolateFailures()
    {
        var multicall = await _session.DeployAsync("Aggregate3");
        var calls = new[]
        {
            new CallRequest(_address, _probe.EncodeCall("value")),
            new CallRequest(_address, _probe.EncodeCall("failWithReason", "no")),
            new CallRequest(_address, _probe.EncodeCall("blockTime")),
        };
        var block = BlockTag.At(await _session.Eth.BlockNumberAsync(CancellationToken.None));

        var viaBatch = await new BatchCaller(_session.Eth, new BatchCallerOptions { MaxCallsPerBatch = 2 }).CallAsync(calls, block, CancellationToken.None);
        var viaMulticall = await new BatchCaller(_session.Eth, new BatchCallerOptions { Multicall3 = multicall }).CallAsync(calls, block, CancellationToken.None);

        foreach (var results in new[] { viaBatch, viaMulticall })
        {
            Assert.Equal([true, false, true], results.Select(r => r.Success));
            Assert.Equal("no", Assert.IsType<RevertReason.ErrorString>(RevertDecoder.Decode(results[1].ReturnData)).Message);
        }

        Assert.Equal(Hex.Encode(viaBatch[0].ReturnData), Hex.Encode(viaMulticall[0].ReturnData));
        Assert.Equal(Hex.Encode(viaBatch[2].ReturnData), Hex.Encode(viaMulticall[2].ReturnData));
    }

    private Task<byte[]> CallAsync(byte[] data) =>
        _session.Eth.CallAsync(new CallRequest(_address, data), BlockTag.Latest, CancellationToken.None);

    private async Task<RevertReason> RevertOf(byte[] data)
    {
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => CallAsync(data));
        Assert.NotNull(error.RevertData);
        return RevertDecoder.Decode(error.RevertData, _probe.Abi.Errors);
    }
}
