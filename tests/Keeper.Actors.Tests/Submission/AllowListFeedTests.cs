using Akka.TestKit.Xunit2;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Submission;

public sealed class AllowListFeedTests : TestKit
{
    private static readonly Address Manager = Address.Parse("0x00000000000000000000000000000000000000a0");
    private static readonly Address Megapool1 = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address Megapool2 = Address.Parse("0x00000000000000000000000000000000000000a2");
    private static readonly Address Minipool1 = Address.Parse("0x00000000000000000000000000000000000000b1");
    private static readonly Address Minipool2 = Address.Parse("0x00000000000000000000000000000000000000b2");
    private static readonly BlockRef Block = new(10, Hash32.Zero, 1_000);

    [Fact]
    public async Task Events_PoolsAndManagerLearnedBeforeTheRegistryHearsAndPassedOnUnchanged()
    {
        var list = new AllowList(Manager);
        var registry = CreateTestProbe("registry");
        var feed = Sys.ActorOf(AllowListFeed.Props(list, registry));
        var upgraded = Address.Parse("0x00000000000000000000000000000000000000a9");
        var deployment = new RocketPoolDeployment(Address.Zero, upgraded, Address.Zero, Address.Zero, Address.Zero, Address.Zero, Address.Zero, []);
        var batch = new WatcherEvents([
            new DeploymentChanged(Block, deployment),
            new MegapoolValidatorRead(Block, Megapool1, 0, null, Staked(1)),
            new MinipoolRead(Block, new MinipoolState(Minipool1, Address.Zero, MinipoolStatus.Prelaunch, 1)),
        ]);
        var restore = new RestoreTrackers([Megapool2], [Minipool2]);

        feed.Tell(batch, TestActor);
        feed.Tell(restore, TestActor);
        Assert.Same(batch, await registry.ExpectMsgAsync<WatcherEvents>());
        Assert.Equal(TestActor, registry.LastSender);
        Assert.Same(restore, await registry.ExpectMsgAsync<RestoreTrackers>());

        Assert.Equal(upgraded, list.MegapoolManager);
        Assert.Null(list.Refusal(Megapool1, Keeper.Chain.Contracts.RocketPool.Megapool.DissolveValidator(Megapool1, 0).Data));
        Assert.Null(list.Refusal(Megapool2, Keeper.Chain.Contracts.RocketPool.Megapool.DissolveValidator(Megapool2, 0).Data));
        Assert.Null(list.Refusal(Minipool1, Minipool.Dissolve(Minipool1).Data));
        Assert.Null(list.Refusal(Minipool2, Minipool.Dissolve(Minipool2).Data));
    }

    [Fact]
    public async Task Ask_AnythingElse_ForwardedWithItsSender()
    {
        var registry = CreateTestProbe("registry");
        var feed = Sys.ActorOf(AllowListFeed.Props(new AllowList(Manager), registry));

        feed.Tell(GetRegistryStats.Instance, TestActor);
        await registry.ExpectMsgAsync<GetRegistryStats>();
        registry.Reply(new RegistryStats(1, 2, 3));

        Assert.Equal(new RegistryStats(1, 2, 3), await ExpectMsgAsync<RegistryStats>());
    }
}
