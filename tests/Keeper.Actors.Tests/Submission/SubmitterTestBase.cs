using System.Numerics;
using Keeper.Actors.Persistence;
using Keeper.Actors.Runtime;
using Keeper.Actors.Submission;
using Keeper.Actors.TestKit;
using Keeper.Actors.Tests.Persistence;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Crypto;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tests.Submission;

/// <summary>A submitter on a <see cref="FakeChain"/> and a SQLite journal in a temporary folder.</summary>
public abstract class SubmitterTestBase : ActorTestKit
{
    // Anvil's first dev account (public test key).
    protected static readonly PrivateKey Key = PrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    protected static readonly Address MegapoolAddress = Address.Parse("0x00000000000000000000000000000000000000a1");
    protected static readonly BigInteger Cap = 100_000_000_000; // 100 gwei

    private readonly TempStoreFolder _folder = new();
    private int _instances;

    internal FakeChain Chain { get; } = new();

    protected SqliteStore Store { get; private set; } = null!;

    protected TestProbe Gate { get; private set; } = null!;

    protected static ContractCall Dissolve(uint validator = 7) => Megapool.DissolveValidator(MegapoolAddress, validator);

    protected static string TaskKey(uint validator = 7) => $"dissolve:megapool:{MegapoolAddress.ToLowerHex()}:{validator}";

    protected static SubmitterOptions Options() =>
        new(31337, new HashSet<string> { Hex.Encode(Dissolve().Selector) }) { ActWithoutReward = true };

    public override async Task InitializeAsync()
    {
        Store = await SqliteStore.OpenAsync(new SqliteStoreOptions(_folder.StorePath), Clock, null, CancellationToken.None);
        Gate = CreateTestProbe("gate");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
        _folder.Dispose();
    }

    protected IActorRef StartSubmitter(SubmitterOptions? options = null)
    {
        var eth = new EthApi(Chain);
        var fees = new FeeOracle(eth, new FeeOracleOptions { MaxFeePerGasCap = Cap, MinPriorityFeePerGas = 1 });
        var deps = new SubmitterDependencies(Key, eth, fees, Store);
        return Sys.ActorOf(Submitter.Props(options ?? Options(), deps), $"submitter-{++_instances}");
    }

    protected static SubmitAction Action(uint validator = 7, BigInteger? reward = null) =>
        new(TaskKey(validator), Dissolve(validator), 1_000_000, reward ?? BigInteger.Zero);

    protected async Task<ActionSent> SubmitAsync(IActorRef submitter, uint validator = 7)
    {
        Gate.Send(submitter, Action(validator));
        return await Gate.ExpectMsgAsync<ActionSent>(hint: "the action to be sent");
    }

    /// <summary>Mines <paramref name="blocks"/> blocks, telling the submitter about each head and letting it finish.</summary>
    protected async Task MineAsync(IActorRef submitter, int blocks = 1)
    {
        for (var i = 0; i < blocks; i++)
        {
            var number = Chain.Mine();
            submitter.Tell(new SubmitterHead(number, number * 12));
            await QuiesceAsync();
        }
    }

    protected async Task HeadAsync(IActorRef submitter)
    {
        submitter.Tell(new SubmitterHead(Chain.Head, Chain.Head * 12));
        await QuiesceAsync();
    }

    protected async Task<IReadOnlyList<SubmissionEvent>> JournalAsync()
    {
        var entries = await Store.ReadAsync(Submitter.PersistenceIdFor(Key.Address), 1, long.MaxValue, 1000, CancellationToken.None);
        return entries.Select(e => SubmissionEventSerializer.Deserialize(e.Manifest, e.Payload)).ToArray();
    }

    protected static async Task<SubmitterStatus> StatusAsync(IActorRef submitter) =>
        await submitter.Ask<SubmitterStatus>(GetSubmitterStatus.Instance, TimeSpan.FromSeconds(3));
}
