using System.Buffers.Binary;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Devnet.Beacon;

/// <summary>The EIP-4788 stand-in on anvil answers eth_call the way the real contract does.</summary>
public sealed class BeaconRootsContractTests : IAsyncLifetime
{
    private static readonly Address SystemAddress = Address.Parse("0xfffffffffffffffffffffffffffffffffffffffe");

    private AnvilNode? _node;
    private DevChainClient? _chain;
    private BeaconRootsContract? _roots;

    private DevChainClient Chain => _chain!;

    private BeaconRootsContract Roots => _roots!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _roots = await BeaconRootsContract.InstallAsync(_chain, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Read_RootSet_ReturnsIt()
    {
        var root = Root(0x42);
        await Roots.SetRootAsync(1_700_000_012, root, CancellationToken.None);

        var answer = await ReadAsync(TimestampCalldata(1_700_000_012));

        Assert.Equal(root, new Hash32(answer));
    }

    [Fact]
    public async Task Read_UnknownTimestamp_RevertsWithoutData()
    {
        await Roots.SetRootAsync(1_700_000_024, Root(0x01), CancellationToken.None);

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => ReadAsync(TimestampCalldata(1_700_000_036)));

        Assert.Empty(error.RevertData ?? []);
    }

    [Fact]
    public async Task Read_RingSlotOverwritten_OldTimestampReverts_NewAnswers()
    {
        const ulong old = 1_700_000_048;
        const ulong replacing = old + BeaconRootsContract.HistoryBufferLength;
        await Roots.SetRootAsync(old, Root(0x0a), CancellationToken.None);
        var before = await ReadAsync(TimestampCalldata(old));

        await Roots.SetRootAsync(replacing, Root(0x0b), CancellationToken.None);

        Assert.Equal(Root(0x0a), new Hash32(before));
        await Assert.ThrowsAsync<JsonRpcNodeException>(() => ReadAsync(TimestampCalldata(old)));
        Assert.Equal(Root(0x0b), new Hash32(await ReadAsync(TimestampCalldata(replacing))));
    }

    [Fact]
    public async Task Read_TimestampZeroOrCalldataNot32Bytes_Reverts()
    {
        await Roots.SetRootAsync(1_700_000_060, Root(0x0c), CancellationToken.None);
        var padded = TimestampCalldata(1_700_000_060).Append((byte)0).ToArray();

        await Assert.ThrowsAsync<JsonRpcNodeException>(() => ReadAsync(TimestampCalldata(0)));
        await Assert.ThrowsAsync<JsonRpcNodeException>(() => ReadAsync(padded));
        await Assert.ThrowsAsync<JsonRpcNodeException>(() => ReadAsync(TimestampCalldata(1_700_000_060)[1..]));
    }

    [Fact]
    public async Task SystemCall_IsIgnored_RootsStay()
    {
        await Roots.SetRootAsync(1_700_000_072, Root(0x0d), CancellationToken.None);
        var systemWrite = Root(0xee).ToArray();

        var answer = await Chain.Eth.CallAsync(new CallRequest(BeaconRootsContract.Address, systemWrite, SystemAddress), BlockTag.Latest, CancellationToken.None);
        await Chain.MineAsync(2);

        Assert.Empty(answer);
        Assert.Equal(Root(0x0d), new Hash32(await ReadAsync(TimestampCalldata(1_700_000_072))));
    }

    [Fact]
    public async Task SetRoot_TimestampZero_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Roots.SetRootAsync(0, Root(0x01), CancellationToken.None));

    private Task<byte[]> ReadAsync(byte[] calldata) =>
        Chain.Eth.CallAsync(new CallRequest(BeaconRootsContract.Address, calldata), BlockTag.Latest, CancellationToken.None);

    private static byte[] TimestampCalldata(ulong timestamp)
    {
        var word = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), timestamp);
        return word;
    }

    private static Hash32 Root(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());
}
