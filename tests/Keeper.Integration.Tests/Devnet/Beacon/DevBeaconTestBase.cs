using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Devnet.Beacon;

/// <summary>
/// A real anvil with the Rocket Pool harness, one megapool, the devnet beacon node stepped by hand (no polling) and a
/// BeaconClient on its URL. <see cref="SeedAsync"/> runs before the beacon node starts.
/// </summary>
public abstract class DevBeaconTestBase : IAsyncLifetime
{
    /// <summary>How long one Beacon API read may take on a loaded machine.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private AnvilNode? _anvil;
    private DevChainClient? _chain;
    private RocketPoolHarness? _harness;
    private DevBeaconNode? _beacon;
    private BeaconClient? _client;

    protected DevChainClient Chain => _chain!;

    protected RocketPoolHarness Harness => _harness!;

    protected DevBeaconNode Beacon => _beacon!;

    protected BeaconClient Client => _client!;

    /// <summary>The megapool every test validator belongs to, owned by <c>Chain.Keys[1]</c>.</summary>
    protected Address Megapool { get; private set; }

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_anvil);
        _harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        Megapool = await _harness.CreateMegapoolAsync(_chain.Keys[1].Address);
        await SeedAsync();
        _beacon = await DevBeaconNode.StartAsync(_chain, _harness, null, null, null, CancellationToken.None);
        _client = new BeaconClient(new BeaconClientOptions { Endpoints = [_beacon.Url], MaxAttempts = 1 });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_beacon is not null)
        {
            await _beacon.DisposeAsync();
        }

        _chain?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }
    }

    /// <summary>Harness state the beacon chain starts with; none by default.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Moves anvil's clock, mines a block and lets the beacon node see it; the block must start a new slot.</summary>
    protected async Task<DevBeaconBlock> MineSlotAsync(ulong seconds)
    {
        await Chain.IncreaseTimeAsync(seconds);
        await Chain.MineAsync();
        return await Beacon.StepAsync(CancellationToken.None) ?? throw new InvalidOperationException($"Mining {seconds} s later produced no beacon block.");
    }
}
