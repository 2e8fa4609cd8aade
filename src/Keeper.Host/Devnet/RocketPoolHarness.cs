using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Crypto;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Host.Devnet;

/// <summary>
/// Deploys the Rocket Pool harness contracts (tests/contracts/rocketpool) on a dev chain, registers them in the harness
/// RocketStorage exactly as the live network registers its contracts, and drives them: megapools, validators, minipools
/// and settings. Every transaction is signed by Keeper's own code.
/// </summary>
public sealed class RocketPoolHarness
{
    private readonly DevChainClient _chain;
    private readonly PrivateKey _guardian;

    private RocketPoolHarness(DevChainClient chain, PrivateKey guardian, RocketPoolDeployment deployment, Address multicall)
    {
        _chain = chain;
        _guardian = guardian;
        Deployment = deployment;
        Multicall3 = multicall;
    }

    /// <summary>The deployed contracts, as the keeper resolves them from RocketStorage.</summary>
    public RocketPoolDeployment Deployment { get; }

    /// <summary>The Multicall3-compatible batch reader deployed beside the harness.</summary>
    public Address Multicall3 { get; }

    private static AbiContract Abi(string contract) => CompiledContracts.Get(contract).Abi;

    /// <summary>Deploys and registers every harness contract, with <paramref name="guardian"/> as the registry's guardian.</summary>
    public static async Task<RocketPoolHarness> DeployAsync(DevChainClient chain, PrivateKey guardian, CancellationToken cancellationToken = default)
    {
        var storage = await chain.DeployAsync("RocketStorageHarness", null, guardian, cancellationToken);
        var storageArg = AbiEncoder.Encode([AbiType.Address], [storage]);
        var deployed = new Dictionary<string, Address>();
        foreach (var (contract, name) in new[]
        {
            ("MegapoolManagerHarness", RocketPoolContractNames.MegapoolManager),
            ("MegapoolFactoryHarness", RocketPoolContractNames.MegapoolFactory),
            ("DepositPoolHarness", RocketPoolContractNames.DepositPool),
            ("MegapoolSettingsHarness", RocketPoolContractNames.MegapoolSettings),
            ("MinipoolManagerHarness", RocketPoolContractNames.MinipoolManager),
            ("MinipoolSettingsHarness", RocketPoolContractNames.MinipoolSettings),
        })
        {
            var address = await chain.DeployAsync(contract, storageArg, guardian, cancellationToken);
            var register = Abi("RocketStorageHarness").Function("setAddress").EncodeCall(RocketPoolContractNames.StorageKey(name), address);
            await ExecuteAsync(chain, guardian, storage, register, $"register {name}", cancellationToken);
            deployed[name] = address;
        }

        var multicall = await chain.DeployAsync("Aggregate3", null, guardian, cancellationToken);
        var deployment = await new RocketStorage(chain.Eth, storage).ResolveAsync(new BatchCaller(chain.Eth), BlockTag.Latest, cancellationToken);
        return new RocketPoolHarness(chain, guardian, deployment, multicall);
    }

    /// <summary>Deploys the megapool of <paramref name="node"/> and returns its address.</summary>
    public async Task<Address> CreateMegapoolAsync(Address node, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(Deployment.MegapoolFactory, Abi("MegapoolFactoryHarness").Function("deployContract").EncodeCall(node), $"deploy megapool of {node}", cancellationToken);
        var expected = Abi("MegapoolFactoryHarness").Function("getExpectedAddress");
        var result = await _chain.Eth.CallAsync(new CallRequest(Deployment.MegapoolFactory, expected.EncodeCall(node)), BlockTag.Latest, cancellationToken);
        return (Address)expected.DecodeOutput(result)[0]!;
    }

    /// <summary>Enqueues a new validator in a megapool (with a unique made-up pubkey) and returns its id.</summary>
    public async Task<uint> NewValidatorAsync(Address megapool, CancellationToken cancellationToken = default)
    {
        var id = await new Megapool(_chain.Eth, new BatchCaller(_chain.Eth), megapool).GetValidatorCountAsync(BlockTag.Latest, cancellationToken);
        var pubkey = new byte[48];
        Keccak256.Hash([.. megapool.Bytes, .. BitConverter.GetBytes(id)]).CopyTo(pubkey, 0);
        var call = Abi("MegapoolHarness").Function("newValidator").EncodeCall(new BigInteger(4_000_000_000_000_000_000), false, pubkey, new byte[96], new byte[32]);
        await ExecuteAsync(megapool, call, $"new validator {id} in {megapool}", cancellationToken);
        return id;
    }

    /// <summary>Assigns ETH to a queued validator: it enters prestake and its dissolve clock starts at this block's time.</summary>
    public Task AssignAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.DepositPool, Abi("DepositPoolHarness").Function("assign").EncodeCall(megapool, validatorId), $"assign validator {validatorId} of {megapool}", cancellationToken);

    /// <summary>Stakes a prestaked validator.</summary>
    public Task StakeAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(megapool, Abi("MegapoolHarness").Function("stake").EncodeCall(validatorId), $"stake validator {validatorId} of {megapool}", cancellationToken);

    /// <summary>Creates a legacy minipool for <paramref name="node"/> and returns its address.</summary>
    public async Task<Address> CreateMinipoolAsync(Address node, CancellationToken cancellationToken = default)
    {
        var receipt = await ExecuteAsync(Deployment.MinipoolManager, Abi("MinipoolManagerHarness").Function("createMinipool").EncodeCall(node), $"create minipool of {node}", cancellationToken);
        var created = Abi("MinipoolManagerHarness").Event("MinipoolCreated");
        return receipt.Logs.Where(l => l.Topics.Count > 0 && l.Topics[0] == created.Topic0).Select(l => created.Decode(l).Get<Address>("minipool")).Single();
    }

    /// <summary>Moves a minipool from Initialised to Prelaunch: its launch timeout starts at this block's time.</summary>
    public Task PrelaunchMinipoolAsync(Address minipool, CancellationToken cancellationToken = default) =>
        ExecuteAsync(minipool, Abi("MinipoolHarness").Function("prelaunch").EncodeCall(), $"prelaunch {minipool}", cancellationToken);

    /// <summary>Moves a minipool from Prelaunch to Staking.</summary>
    public Task StakeMinipoolAsync(Address minipool, CancellationToken cancellationToken = default) =>
        ExecuteAsync(minipool, Abi("MinipoolHarness").Function("stake").EncodeCall(), $"stake {minipool}", cancellationToken);

    /// <summary>Sets the megapool dissolve deadline, in seconds after assignment.</summary>
    public Task SetTimeBeforeDissolveAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MegapoolSettings, Abi("MegapoolSettingsHarness").Function("setTimeBeforeDissolve").EncodeCall(new BigInteger(seconds)), "set time before dissolve", cancellationToken);

    /// <summary>Sets the minipool launch timeout, in seconds.</summary>
    public Task SetLaunchTimeoutAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MinipoolSettings, Abi("MinipoolSettingsHarness").Function("setLaunchTimeout").EncodeCall(new BigInteger(seconds)), "set launch timeout", cancellationToken);

    /// <summary>Sets the caller reward for dissolving another operator's validator (the seed design's incentive), in wei.</summary>
    public Task SetDissolveCallerRewardAsync(BigInteger wei, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MegapoolSettings, Abi("MegapoolSettingsHarness").Function("setDissolveCallerReward").EncodeCall(wei), "set dissolve caller reward", cancellationToken);

    private Task<TransactionReceipt> ExecuteAsync(Address to, byte[] data, string what, CancellationToken cancellationToken) =>
        ExecuteAsync(_chain, _guardian, to, data, what, cancellationToken);

    private static async Task<TransactionReceipt> ExecuteAsync(DevChainClient chain, PrivateKey sender, Address to, byte[] data, string what, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await chain.SendAsync(sender, to, data, cancellationToken: cancellationToken);
        }
        catch (JsonRpcNodeException ex)
        {
            throw new InvalidOperationException($"Harness step '{what}' failed: {RevertDecoder.Decode(ex.RevertData ?? [])} ({ex.NodeMessage}).", ex);
        }

        return receipt.Succeeded ? receipt : throw new InvalidOperationException($"Harness step '{what}' reverted in block {receipt.BlockNumber}.");
    }
}
