using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// The allow-list in a running keeper: an upgrade re-registers RocketMegapoolManager and is rolled back before the node
/// reads the addresses again. Until it does, the node's allow-list names the replacement, so a proof call to the manager
/// the chain names again is refused before it is signed (no nonce is used); after the next address read it is sent, once.
/// </summary>
public sealed class ProofDutyAllowListTests : ProofDutyProcessTestBase
{
    // Addresses are read again every 12 blocks of the 2 s the nodes assume: room for the whole scenario in between.
    private const string AddressRefresh = "rocketpool.settings-refresh = 24s";

    [Fact]
    public async Task ManagerUpgradeRolledBackBeforeTheNodeRereadsIt_ProofCallRefusedBeforeSigning_SentOnceAfterTheNextRead()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var wrong = await ValidatorAsync(megapool, staked: false);
        await StartBeaconAsync();
        var node = await StartProvingKeeperAsync(1, AddressRefresh);
        var nodes = new[] { node };
        var manager = Harness.Deployment.MegapoolManager;
        var replacement = await Harness.UpgradeAsync(RocketPoolContractNames.MegapoolManager, "MegapoolManagerHarness");
        await ManualMiningAsync();
        var first = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var time = EpochStart(EpochAt(await HeadTimeAsync()) + 1);

        // The node reads the addresses again within 12 blocks and moves its allow-list to the replacement.
        for (var i = 0; i < 15 && !Log().Contains("Rocket Pool contract addresses changed", StringComparison.Ordinal); i++)
        {
            time += BlockSeconds;
            await MineAsync(time, nodes);
        }

        Assert.Contains("Rocket Pool contract addresses changed", Log(), StringComparison.Ordinal);

        // The upgrade is rolled back: the chain names the old manager again, which the node learns only at its next read.
        var rollback = await Chain.SignAsync(Chain.Keys[0], Harness.Deployment.Storage,
            CompiledContracts.Get("RocketStorageHarness").EncodeCall("setAddress", RocketPoolContractNames.StorageKey(RocketPoolContractNames.MegapoolManager), manager), gas: 100_000);
        await Chain.Eth.SendRawTransactionAsync(rollback.Bytes, CancellationToken.None);
        time += 12;
        await MineAsync(time, nodes);

        // A validator goes wrong on the beacon chain; the next epoch's read makes its proof dissolve due. The node builds
        // its proof calls for the manager it resolved at start, the one the chain names again: valid, but not allow-listed.
        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrong).Pubkey, DevBeaconChain.Credentials(0x01, Chain.Keys[0].Address));
        await MineAsync(time + 12, nodes);
        await MineAsync(time + 24, nodes);
        time = EpochStart(EpochAt(time) + 1);
        await MineAsync(time, nodes);
        await WaitUntilAsync(
            () => Task.FromResult(Log().Contains("Refused to sign dissolve-proof:", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            () => $"the keeper did not refuse the proof dissolve to {manager} while its allow-list names {replacement}:\n{Log()}");
        Assert.Contains($"{manager} is neither the RocketMegapoolManager ({replacement})", Log(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));

        // The next address read moves the allow-list back: the call goes out, once, with the first nonce.
        for (var i = 0; i < 15 && await KeeperNonceAsync(BlockTag.Pending) == 0; i++)
        {
            time += BlockSeconds;
            await MineAsync(time, nodes);
        }

        await MineUntilNothingPendingAsync(time + BlockSeconds, nodes, [1]);
        var dissolve = Assert.Single(await ChainLedger.SentByAsync(Chain, [KeeperAddress], first));
        Assert.True(IsManagerCall<DissolveWithProofFunction>(dissolve) && dissolve.Succeeded, $"expected a successful proof dissolve to {manager}, got a call to {dissolve.To} (succeeded: {dissolve.Succeeded})");
        Assert.Equal(0UL, dissolve.Nonce);
        Assert.True((await InfoAsync(megapool, wrong)).Dissolved);
    }
}
