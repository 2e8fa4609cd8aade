using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary><see cref="StoreBinding.EnsureAsync"/> on a real store; each concrete class supplies a fresh one per test.</summary>
public abstract class StoreBindingContractTests : IAsyncLifetime
{
    protected static readonly StoreBinding Mainnet = new(
        1,
        Hash32.Parse("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"),
        Address.Parse("0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"));

    private SqlStoreLocation? _store;

    protected SqlStoreLocation Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EnsureAsync_FirstUse_BindsTheStore()
    {
        Assert.True(await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None));

        Assert.False(await StoreBinding.EnsureAsync(Store, Mainnet with { }, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAsync_SameBindingAgain_Passes()
    {
        await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            Assert.False(await StoreBinding.EnsureAsync(Store, new StoreBinding(Mainnet.ChainId, Mainnet.GenesisHash, Mainnet.RocketStorage), CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("chain id")]
    [InlineData("genesis hash")]
    [InlineData("RocketStorage address")]
    public async Task EnsureAsync_AnotherChain_RefusedNamingTheStoreBothChainsAndTheFix(string field)
    {
        await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None);
        var other = field switch
        {
            "chain id" => Mainnet with { ChainId = 17000 },
            "genesis hash" => Mainnet with { GenesisHash = Hash32.Parse("0xb5f7f912443c940f21fd611f12828d75b534364ed9e95ca4e307729a4661bde4") },
            _ => Mainnet with { RocketStorage = Address.Parse("0x594fb75d3dc2dfa0150ad03f99f97817747dd4e1") },
        };

        var error = await Assert.ThrowsAsync<StoreBindingException>(() => StoreBinding.EnsureAsync(Store, other, CancellationToken.None));

        Assert.Equal(Mainnet, error.Bound);
        Assert.Equal(other, error.Expected);
        Assert.Equal(Store.Description, error.Store);
        Assert.Contains(Store.Description, error.Message, StringComparison.Ordinal);
        Assert.Contains($"bound to {Mainnet}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"this node runs on {other}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"differ in {field})", error.Message, StringComparison.Ordinal);
        Assert.Contains("Point keeper.store at a new", error.Message, StringComparison.Ordinal);
        Assert.Contains("or run against the chain this store belongs to", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("delete", error.Message, StringComparison.OrdinalIgnoreCase);
        // The refusal changed nothing: the first chain still passes.
        Assert.False(await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAsync_EveryFieldDiffers_MessageNamesThemAll()
    {
        await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None);
        var other = new StoreBinding(31337, Hash32.Parse("0x" + new string('1', 64)), Address.Parse("0x" + new string('2', 40)));

        var error = await Assert.ThrowsAsync<StoreBindingException>(() => StoreBinding.EnsureAsync(Store, other, CancellationToken.None));

        Assert.Contains("differ in chain id and genesis hash and RocketStorage address", error.Message, StringComparison.Ordinal);
        Assert.Contains("chain id 31337", error.Message, StringComparison.Ordinal);
        Assert.Contains("chain id 1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_NodesOfDifferentChainsStartingAtOnce_OneBindsAndTheOthersAreRefused()
    {
        const int Nodes = 6;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, Nodes).Select(i => Task.Run(async () =>
        {
            var binding = Mainnet with { ChainId = 100 + (ulong)i };
            await go.Task;
            try
            {
                return (binding, Created: await StoreBinding.EnsureAsync(Store, binding, CancellationToken.None), Error: (StoreBindingException?)null);
            }
            catch (StoreBindingException e)
            {
                return (binding, Created: false, Error: e);
            }
        })).ToArray();

        go.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o.Created);
        Assert.Null(winner.Error);
        var losers = outcomes.Where(o => !o.Created).ToArray();
        Assert.Equal(Nodes - 1, losers.Length);
        Assert.All(losers, o => Assert.Equal(winner.binding, o.Error?.Bound));
        Assert.False(await StoreBinding.EnsureAsync(Store, winner.binding, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAsync_GoGoPoolScope_BoundBesideTheMainChainAndRefusedForAnotherGoGoPoolChain()
    {
        var cChain = new StoreBinding(43114, Hash32.Parse("0x31ced5b9beb7f8782b014660da0cb18cc409f121f408186886e1ca3e8eeca96b"), Address.Parse("0x1cea17f9de4de28feb6a102988e12d4b90dff1a9"))
        {
            Scope = StoreBindingScope.GoGoPool,
        };
        await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None);

        // Its own binding, beside the main chain's: neither refuses the other.
        Assert.True(await StoreBinding.EnsureAsync(Store, cChain, CancellationToken.None));
        Assert.False(await StoreBinding.EnsureAsync(Store, cChain with { }, CancellationToken.None));
        Assert.False(await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None));

        var fuji = cChain with { ChainId = 43113, RocketStorage = Address.Parse("0x399d78327e665d21c8b9582d4843ca5dca0e7dc4") };
        var error = await Assert.ThrowsAsync<StoreBindingException>(() => StoreBinding.EnsureAsync(Store, fuji, CancellationToken.None));

        Assert.Equal(cChain, error.Bound);
        Assert.Contains("differ in chain id and GoGoPool Storage address", error.Message, StringComparison.Ordinal);
        Assert.Contains("GoGoPool Storage 0x1cea17f9de4de28feb6a102988e12d4b90dff1a9", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None));
    }

    /// <summary>A fresh store no one has used.</summary>
    protected abstract Task<SqlStoreLocation> CreateStoreAsync();
}
