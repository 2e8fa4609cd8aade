using System.Numerics;
using System.Text;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Nethereum.Util;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// Deploys the GoGoPool harness (tests/contracts/gogopool) on a dev chain, registers it in the harness Storage the way
/// the protocol's ProtocolDAO registers contracts, initialises the settings and the rewards cycle, and drives minipools.
/// </summary>
public sealed class GoGoPoolHarness
{
    private readonly DevChainClient _chain;
    private readonly PrivateKey _guardian;

    private GoGoPoolHarness(DevChainClient chain, PrivateKey guardian, GoGoPoolDeployment deployment, Address seeder)
    {
        _chain = chain;
        _guardian = guardian;
        Deployment = deployment;
        Seeder = seeder;
    }

    /// <summary>The deployed contracts, as the keeper resolves them from Storage.</summary>
    public GoGoPoolDeployment Deployment { get; }

    /// <summary>The batch seeder (not registered in Storage).</summary>
    public Address Seeder { get; }

    private static CompiledContract Contract(string name) => CompiledContracts.Get(name);

    /// <summary>Deploys, registers and initialises every harness contract with <paramref name="guardian"/> as Storage's guardian.</summary>
    public static async Task<GoGoPoolHarness> DeployAsync(DevChainClient chain, PrivateKey guardian, CancellationToken cancellationToken = default)
    {
        var storage = await chain.DeployAsync("GoGoStorageHarness", null, guardian, cancellationToken);
        var deployed = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var (contract, name) in new[]
        {
            ("GoGoProtocolDAOHarness", GoGoPoolContractNames.ProtocolDao),
            ("GoGoRewardsPoolHarness", GoGoPoolContractNames.RewardsPool),
            ("GoGoMinipoolManagerHarness", GoGoPoolContractNames.MinipoolManager),
        })
        {
            var address = await chain.DeployAsync(contract, Contract(contract).EncodeConstructor(storage), guardian, cancellationToken);
            var storageAbi = Contract("GoGoStorageHarness");
            await ExecuteAsync(chain, guardian, storage, storageAbi.EncodeCall("setAddress", GoGoPoolContractNames.StorageKey(name), address), $"register {name}", cancellationToken);
            await ExecuteAsync(chain, guardian, storage, storageAbi.EncodeCall("setBool", ExistsKey(address), true), $"mark {name} as a network contract", cancellationToken);
            deployed[name] = address;
        }

        await ExecuteAsync(chain, guardian, deployed[GoGoPoolContractNames.ProtocolDao], Contract("GoGoProtocolDAOHarness").EncodeCall("initialize"), "initialise ProtocolDAO", cancellationToken);
        await ExecuteAsync(chain, guardian, deployed[GoGoPoolContractNames.RewardsPool], Contract("GoGoRewardsPoolHarness").EncodeCall("initialize"), "initialise RewardsPool", cancellationToken);
        var seeder = await chain.DeployAsync("GoGoHarnessSeeder", Contract("GoGoHarnessSeeder").EncodeConstructor(deployed[GoGoPoolContractNames.MinipoolManager]), guardian, cancellationToken);
        var deployment = await new GoGoStorage(chain.Eth, storage).ResolveAsync(new BatchCaller(chain.Eth), BlockTag.Latest, cancellationToken);
        return new GoGoPoolHarness(chain, guardian, deployment, seeder);
    }

    /// <summary>Creates (or overwrites) the minipool of <paramref name="nodeId"/> in <paramref name="status"/> with the given times.</summary>
    public Task<TransactionReceipt> SeedMinipoolAsync(
        Address nodeId, Address owner, GoGoMinipoolStatus status, ulong duration, ulong creationTime, ulong startTime, ulong endTime, string errorCode = "", CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            Deployment.MinipoolManager,
            Contract("GoGoMinipoolManagerHarness").EncodeCall("seedMinipool", nodeId, owner, (byte)status, new BigInteger(duration), new BigInteger(creationTime), new BigInteger(startTime), new BigInteger(endTime), Bytes32(errorCode)),
            $"seed minipool {nodeId} in {status}",
            cancellationToken);

    /// <summary>Seeds <paramref name="count"/> minipools with consecutive node IDs from <paramref name="firstNodeId"/> in one transaction.</summary>
    public Task<TransactionReceipt> SeedManyAsync(
        Address owner, Address firstNodeId, int count, GoGoMinipoolStatus status, ulong duration, ulong creationTime, ulong startTime, ulong endTime, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            Seeder,
            Contract("GoGoHarnessSeeder").EncodeCall("seed", owner, firstNodeId, new BigInteger(count), (byte)status, new BigInteger(duration), new BigInteger(creationTime), new BigInteger(startTime), new BigInteger(endTime)),
            $"seed {count} minipools in {status}",
            cancellationToken);

    /// <summary>Moves a minipool to <paramref name="to"/> as the orchestrator's calls would (the protocol's transition rule applies).</summary>
    public Task<TransactionReceipt> RecordStatusAsync(Address nodeId, GoGoMinipoolStatus to, string errorCode = "", CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MinipoolManager, Contract("GoGoMinipoolManagerHarness").EncodeCall("recordStatus", nodeId, (byte)to, Bytes32(errorCode)), $"move minipool {nodeId} to {to}", cancellationToken);

    /// <summary>The owner takes a Withdrawable or Error minipool's funds (it becomes Finished), signed by <paramref name="owner"/>.</summary>
    public Task<TransactionReceipt> WithdrawAsync(PrivateKey owner, Address nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var call = GoGoMinipoolManager.WithdrawMinipoolFunds(Deployment.MinipoolManager, nodeId);
        return _chain.SendStepAsync(owner, call.To, call.Data, $"withdraw minipool {nodeId} as its owner {owner.Address}", cancellationToken);
    }

    /// <summary>Changes a ProtocolDAO setting by its key name, e.g. <c>RewardsCycleSeconds</c>.</summary>
    public Task<TransactionReceipt> SetSettingAsync(string name, ulong value, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.ProtocolDao, Contract("GoGoProtocolDAOHarness").EncodeCall("setSetting", name, new BigInteger(value)), $"set ProtocolDAO.{name}", cancellationToken);

    /// <summary>Pauses or resumes RewardsPool through its Storage flag (<c>contract.paused</c> ++ name), as the protocol's pause does.</summary>
    public Task<TransactionReceipt> SetRewardsPoolPausedAsync(bool paused, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            Deployment.Storage,
            Contract("GoGoStorageHarness").EncodeCall("setBool", Keccak([.. "contract.paused"u8, .. "RewardsPool"u8]), paused),
            paused ? "pause RewardsPool" : "resume RewardsPool",
            cancellationToken);

    private static Hash32 ExistsKey(Address contract) => Keccak([.. "contract.exists"u8, .. contract.Bytes]);

    private static Hash32 Keccak(byte[] packed) => new(Sha3Keccack.Current.CalculateHash(packed));

    private static byte[] Bytes32(string text)
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }

    private Task<TransactionReceipt> ExecuteAsync(Address to, byte[] data, string what, CancellationToken cancellationToken) =>
        ExecuteAsync(_chain, _guardian, to, data, what, cancellationToken);

    private static Task<TransactionReceipt> ExecuteAsync(DevChainClient chain, PrivateKey sender, Address to, byte[] data, string what, CancellationToken cancellationToken) =>
        chain.SendStepAsync(sender, to, data, what, cancellationToken);
}
