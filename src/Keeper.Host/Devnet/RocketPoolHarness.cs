using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Nethereum.Util;

namespace Keeper.Host.Devnet;

/// <summary>
/// Deploys the Rocket Pool harness contracts (tests/contracts/rocketpool) on a dev chain, registers them in the harness
/// RocketStorage exactly as the live network registers its contracts, and drives them: megapools, validators, minipools
/// and settings. Every transaction is signed by Keeper's own code.
/// </summary>
public sealed partial class RocketPoolHarness
{
    private readonly DevChainClient _chain;
    private readonly PrivateKey _guardian;

    private RocketPoolHarness(DevChainClient chain, PrivateKey guardian, RocketPoolDeployment deployment, Address multicall, Address verifier, RocketPoolHarnessBeaconConfig beacon)
    {
        _chain = chain;
        _guardian = guardian;
        Deployment = deployment;
        Multicall3 = multicall;
        BeaconStateVerifier = verifier;
        Beacon = beacon;
    }

    /// <summary>The deployed contracts, as the keeper resolves them from RocketStorage.</summary>
    public RocketPoolDeployment Deployment { get; }

    /// <summary>The Multicall3-compatible batch reader deployed beside the harness.</summary>
    public Address Multicall3 { get; }

    /// <summary>The proof verifier, registered as <c>beaconStateVerifier</c>.</summary>
    public Address BeaconStateVerifier { get; }

    /// <summary>The beacon chain whose proofs the verifier accepts.</summary>
    public RocketPoolHarnessBeaconConfig Beacon { get; }

    private static CompiledContract Contract(string contract) => CompiledContracts.Get(contract);

    /// <summary>
    /// Deploys and registers every harness contract, with <paramref name="guardian"/> as the registry's guardian; the proof
    /// verifier accepts a beacon chain that starts with the dev chain (<see cref="RocketPoolHarnessBeaconConfig.FromGenesis"/>).
    /// </summary>
    public static async Task<RocketPoolHarness> DeployAsync(DevChainClient chain, PrivateKey guardian, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var genesis = await chain.Eth.GetBlockAsync(BlockTag.Earliest, cancellationToken);
        return await DeployAsync(chain, guardian, RocketPoolHarnessBeaconConfig.FromGenesis(genesis.Timestamp), cancellationToken);
    }

    /// <summary>
    /// Deploys and registers every harness contract, with <paramref name="guardian"/> as the registry's guardian and a proof
    /// verifier for the beacon chain <paramref name="beacon"/>.
    /// </summary>
    public static async Task<RocketPoolHarness> DeployAsync(DevChainClient chain, PrivateKey guardian, RocketPoolHarnessBeaconConfig beacon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(beacon);
        var storage = await chain.DeployAsync("RocketStorageHarness", null, guardian, cancellationToken);
        var deployed = new Dictionary<string, Address>();
        foreach (var (contract, name) in new[]
        {
            ("MegapoolManagerHarness", RocketPoolContractNames.MegapoolManager),
            ("MegapoolFactoryHarness", RocketPoolContractNames.MegapoolFactory),
            ("DepositPoolHarness", RocketPoolContractNames.DepositPool),
            ("MegapoolSettingsHarness", RocketPoolContractNames.MegapoolSettings),
            ("MinipoolManagerHarness", RocketPoolContractNames.MinipoolManager),
            ("MinipoolSettingsHarness", RocketPoolContractNames.MinipoolSettings),
            ("DAOProtocolProposalHarness", RocketPoolContractNames.DaoProtocolProposal),
        })
        {
            var address = await chain.DeployAsync(contract, Contract(contract).EncodeConstructor(storage), guardian, cancellationToken);
            var register = Contract("RocketStorageHarness").EncodeCall("setAddress", RocketPoolContractNames.StorageKey(name), address);
            await ExecuteAsync(chain, guardian, storage, register, $"register {name}", cancellationToken);
            deployed[name] = address;
        }

        var verifierContract = Contract("BeaconStateVerifierHarness");
        var verifier = await chain.DeployAsync(
            "BeaconStateVerifierHarness",
            verifierContract.EncodeConstructor(beacon.GenesisTime, beacon.GenesisValidatorsRoot, beacon.SlotsPerHistoricalRoot, beacon.CapellaSlot, beacon.ElectraSlot, beacon.BeaconRoots),
            guardian,
            cancellationToken);
        var registerVerifier = Contract("RocketStorageHarness").EncodeCall("setAddress", RocketPoolContractNames.StorageKey(RocketPoolContractNames.BeaconStateVerifier), verifier);
        await ExecuteAsync(chain, guardian, storage, registerVerifier, $"register {RocketPoolContractNames.BeaconStateVerifier}", cancellationToken);

        var multicall = await chain.DeployAsync("Aggregate3", null, guardian, cancellationToken);
        var deployment = await new RocketStorage(chain.Eth, storage).ResolveAsync(new BatchCaller(chain.Eth), BlockTag.Latest, cancellationToken);
        return new RocketPoolHarness(chain, guardian, deployment, multicall, verifier, beacon);
    }

    /// <summary>Deploys the megapool of <paramref name="node"/> and returns its address.</summary>
    public async Task<Address> CreateMegapoolAsync(Address node, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(Deployment.MegapoolFactory, Contract("MegapoolFactoryHarness").EncodeCall("deployContract", node), $"deploy megapool of {node}", cancellationToken);
        var factory = Contract("MegapoolFactoryHarness");
        var result = await _chain.Eth.CallAsync(new CallRequest(Deployment.MegapoolFactory, factory.EncodeCall("getExpectedAddress", node)), BlockTag.Latest, cancellationToken);
        return (Address)factory.DecodeOutput("getExpectedAddress", result)[0]!;
    }

    /// <summary>Enqueues a new validator in a megapool (with a unique made-up pubkey) and returns its id.</summary>
    public async Task<uint> NewValidatorAsync(Address megapool, CancellationToken cancellationToken = default)
    {
        var id = await new Megapool(_chain.Eth, new BatchCaller(_chain.Eth), megapool).GetValidatorCountAsync(BlockTag.Latest, cancellationToken);
        var call = Contract("MegapoolHarness").EncodeCall("newValidator", new BigInteger(4_000_000_000_000_000_000), false, SeedPubkey(megapool, id), new byte[96], new byte[32]);
        await ExecuteAsync(megapool, call, $"new validator {id} in {megapool}", cancellationToken);
        return id;
    }

    /// <summary>The made-up pubkey the harness gave a validator (48 bytes), as the megapool holds it.</summary>
    public async Task<byte[]> GetValidatorPubkeyAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default)
    {
        var abi = Contract("MegapoolHarness");
        var result = await _chain.Eth.CallAsync(new CallRequest(megapool, abi.EncodeCall("getValidatorPubkey", validatorId)), BlockTag.Latest, cancellationToken);
        return (byte[])abi.DecodeOutput("getValidatorPubkey", result)[0]!;
    }

    /// <summary>
    /// The withdrawal credentials a megapool's validators must have on the beacon chain (its <c>getWithdrawalCredentials()</c>):
    /// 0x01, 11 zero bytes, the megapool's address. Any other credentials, 0x02 ones included, make a validator
    /// non-compliant.
    /// </summary>
    public static Hash32 WithdrawalCredentials(Address megapool)
    {
        var credentials = new byte[32];
        credentials[0] = 0x01;
        megapool.Bytes.CopyTo(credentials.AsSpan(12));
        return new Hash32(credentials);
    }

    /// <summary>Assigns ETH to a queued validator: it enters prestake and its dissolve clock starts at this block's time.</summary>
    public Task AssignAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.DepositPool, Contract("DepositPoolHarness").EncodeCall("assign", megapool, validatorId), $"assign validator {validatorId} of {megapool}", cancellationToken);

    /// <summary>Takes a queued validator out of the queue: the operator's deposit credit grows by its bond.</summary>
    public Task DequeueAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(megapool, Contract("MegapoolHarness").EncodeCall("dequeue", validatorId), $"dequeue validator {validatorId} of {megapool}", cancellationToken);

    /// <summary>Stakes a prestaked validator.</summary>
    public Task StakeAsync(Address megapool, uint validatorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(megapool, Contract("MegapoolHarness").EncodeCall("stake", validatorId), $"stake validator {validatorId} of {megapool}", cancellationToken);

    /// <summary>Creates a legacy minipool for <paramref name="node"/> and returns its address.</summary>
    public async Task<Address> CreateMinipoolAsync(Address node, CancellationToken cancellationToken = default)
    {
        var receipt = await ExecuteAsync(Deployment.MinipoolManager, Contract("MinipoolManagerHarness").EncodeCall("createMinipool", node), $"create minipool of {node}", cancellationToken);
        var manager = Contract("MinipoolManagerHarness");
        var created = manager.Topic("MinipoolCreated");
        return receipt.Logs.Where(l => l.Topics.Count > 0 && l.Topics[0] == created).Select(l => (Address)manager.DecodeEvent("MinipoolCreated", l)["minipool"]!).Single();
    }

    /// <summary>Moves a minipool from Initialised to Prelaunch: its launch timeout starts at this block's time.</summary>
    public Task PrelaunchMinipoolAsync(Address minipool, CancellationToken cancellationToken = default) =>
        ExecuteAsync(minipool, Contract("MinipoolHarness").EncodeCall("prelaunch"), $"prelaunch {minipool}", cancellationToken);

    /// <summary>Moves a minipool from Prelaunch to Staking.</summary>
    public Task StakeMinipoolAsync(Address minipool, CancellationToken cancellationToken = default) =>
        ExecuteAsync(minipool, Contract("MinipoolHarness").EncodeCall("stake"), $"stake {minipool}", cancellationToken);

    /// <summary>
    /// Seeds many pools quickly: transactions are sent in batches with automine off and mined many to a block. The made-up
    /// node operators are deterministic, so the same plan gives the same addresses on a fresh chain.
    /// </summary>
    public async Task<SeedResult> SeedAsync(SeedPlan plan, CancellationToken cancellationToken = default)
    {
        var factory = Contract("MegapoolFactoryHarness");
        var megapoolAbi = Contract("MegapoolHarness");
        var nodes = Enumerable.Range(0, plan.Megapools).Select(i => SeedNode(i)).ToArray();
        var expected = await new BatchCaller(_chain.Eth).CallAsync(
            nodes.Select(n => new CallRequest(Deployment.MegapoolFactory, factory.EncodeCall("getExpectedAddress", n))).ToArray(), BlockTag.Latest, cancellationToken);
        var megapools = expected.Select((r, i) => (Address)factory.DecodeOutput("getExpectedAddress", r.GetReturnDataOrThrow(i))[0]!).ToArray();
        var existingMinipools = await new MinipoolManager(_chain.Eth, new BatchCaller(_chain.Eth), Deployment.MinipoolManager).GetMinipoolCountAsync(BlockTag.Latest, cancellationToken);

        var creations = new List<(Address, byte[], ulong)>();
        var steps = new List<(Address, byte[], ulong)>();
        var prestaked = new List<(Address, uint)>();
        for (var m = 0; m < plan.Megapools; m++)
        {
            creations.Add((Deployment.MegapoolFactory, factory.EncodeCall("deployContract", nodes[m]), 3_000_000));
            for (var j = 0; j < plan.ValidatorsPerMegapool; j++)
            {
                var id = (uint)j;
                creations.Add((megapools[m], megapoolAbi.EncodeCall("newValidator", new BigInteger(4_000_000_000_000_000_000), false, SeedPubkey(megapools[m], id), new byte[96], new byte[32]), 400_000));
                if (j % 4 != 0)
                {
                    steps.Add((Deployment.DepositPool, Contract("DepositPoolHarness").EncodeCall("assign", megapools[m], id), 200_000));
                }

                if (j % 4 == 2)
                {
                    steps.Add((megapools[m], megapoolAbi.EncodeCall("stake", id), 200_000));
                }
                else if (j % 4 != 0)
                {
                    prestaked.Add((megapools[m], id));
                }
            }
        }

        for (var i = 0; i < plan.Minipools; i++)
        {
            creations.Add((Deployment.MinipoolManager, Contract("MinipoolManagerHarness").EncodeCall("createMinipool", SeedNode(1_000_000 + i)), 2_000_000));
        }

        var hashes = new List<Hash32>();
        await _chain.SetAutomineAsync(false, cancellationToken);
        try
        {
            hashes.AddRange(await SendInBlocksAsync(creations, cancellationToken));
            var manager = new MinipoolManager(_chain.Eth, new BatchCaller(_chain.Eth), Deployment.MinipoolManager);
            var minipools = await manager.GetMinipoolsAsync(existingMinipools, (ulong)plan.Minipools, BlockTag.Latest, cancellationToken);
            var prelaunch = minipools.Where((_, i) => i % 4 != 0 && i % 4 != 2).ToArray();
            for (var i = 0; i < minipools.Count; i++)
            {
                if (i % 4 != 0)
                {
                    steps.Add((minipools[i], Contract("MinipoolHarness").EncodeCall("prelaunch"), 200_000));
                }

                if (i % 4 == 2)
                {
                    steps.Add((minipools[i], Contract("MinipoolHarness").EncodeCall("stake"), 200_000));
                }
            }

            hashes.AddRange(await SendInBlocksAsync(steps, cancellationToken));
            return new SeedResult(megapools, prestaked, prelaunch, minipools, hashes.Count);
        }
        finally
        {
            await _chain.SetAutomineAsync(true, cancellationToken);
        }
    }

    // Sends as many transactions as fit in one block (by gas limit), mines that block, checks their receipts, and
    // repeats: anvil does not reliably carry over what did not fit into a full block, and one started with
    // --transaction-block-keeper forgets the receipts of older blocks.
    private async Task<IReadOnlyList<Hash32>> SendInBlocksAsync(IReadOnlyList<(Address To, byte[] Data, ulong Gas)> calls, CancellationToken cancellationToken)
    {
        var blockGas = (await _chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken)).GasLimit * 8 / 10;
        var hashes = new List<Hash32>(calls.Count);
        var start = 0;
        while (start < calls.Count)
        {
            ulong gas = 0;
            var end = start;
            while (end < calls.Count && (end == start || gas + calls[end].Gas <= blockGas))
            {
                gas += calls[end++].Gas;
            }

            var sent = await _chain.SendManyAsync(_guardian, calls.Skip(start).Take(end - start).ToArray(), cancellationToken);
            await _chain.MineUntilEmptyAsync(cancellationToken);
            await _chain.EnsureSucceededAsync(sent, cancellationToken);
            hashes.AddRange(sent);
            start = end;
        }

        return hashes;
    }

    // A unique made-up pubkey per validator: the first 32 bytes are keccak256(megapool ++ id as 4 little-endian bytes).
    private static byte[] SeedPubkey(Address megapool, uint id)
    {
        var pubkey = new byte[48];
        Sha3Keccack.Current.CalculateHash([.. megapool.Bytes, .. BitConverter.GetBytes(id)]).CopyTo(pubkey, 0);
        return pubkey;
    }

    private static Address SeedNode(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0x5e;
        BitConverter.GetBytes(i).CopyTo(bytes, 16);
        return new Address(bytes);
    }

    /// <summary>Sets the megapool dissolve deadline, in seconds after assignment.</summary>
    public Task SetTimeBeforeDissolveAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MegapoolSettings, Contract("MegapoolSettingsHarness").EncodeCall("setTimeBeforeDissolve", new BigInteger(seconds)), "set time before dissolve", cancellationToken);

    /// <summary>
    /// Sets the megapool dissolve deadline through an executed protocol DAO proposal, which logs <c>ProposalExecuted</c>
    /// in the same block (the way the live network changes it), instead of the guardian's silent write.
    /// </summary>
    /// <returns>The receipt of the proposal's execution.</returns>
    public Task<TransactionReceipt> ProposeTimeBeforeDissolveAsync(ulong seconds, CancellationToken cancellationToken = default)
    {
        var payload = Contract("MegapoolSettingsHarness").EncodeCall("setTimeBeforeDissolve", new BigInteger(seconds));
        var proposal = Deployment.ProposalContracts.Single();
        return ExecuteAsync(proposal, Contract("DAOProtocolProposalHarness").EncodeCall("executeProposal", Deployment.MegapoolSettings, payload), "execute a DAO proposal setting the time before dissolve", cancellationToken);
    }

    /// <summary>
    /// Upgrades a contract the way the live network does: deploys a fresh <paramref name="contract"/> and re-registers
    /// it in RocketStorage under <paramref name="name"/>, silently (RocketStorage logs nothing).
    /// </summary>
    /// <returns>The new contract's address.</returns>
    public async Task<Address> UpgradeAsync(string name, string contract, CancellationToken cancellationToken = default)
    {
        var address = await _chain.DeployAsync(contract, Contract(contract).EncodeConstructor(Deployment.Storage), _guardian, cancellationToken);
        var register = Contract("RocketStorageHarness").EncodeCall("setAddress", RocketPoolContractNames.StorageKey(name), address);
        await ExecuteAsync(Deployment.Storage, register, $"re-register {name}", cancellationToken);
        return address;
    }

    /// <summary>Sets the minipool launch timeout, in seconds.</summary>
    public Task SetLaunchTimeoutAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MinipoolSettings, Contract("MinipoolSettingsHarness").EncodeCall("setLaunchTimeout", new BigInteger(seconds)), "set launch timeout", cancellationToken);

    /// <summary>Sets the caller reward for dissolving another operator's validator (the seed design's incentive), in wei.</summary>
    public Task SetDissolveCallerRewardAsync(BigInteger wei, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Deployment.MegapoolSettings, Contract("MegapoolSettingsHarness").EncodeCall("setDissolveCallerReward", wei), "set dissolve caller reward", cancellationToken);

    private Task<TransactionReceipt> ExecuteAsync(Address to, byte[] data, string what, CancellationToken cancellationToken) =>
        ExecuteAsync(_chain, _guardian, to, data, what, cancellationToken);

    private static Task<TransactionReceipt> ExecuteAsync(DevChainClient chain, PrivateKey sender, Address to, byte[] data, string what, CancellationToken cancellationToken) =>
        chain.SendStepAsync(sender, to, data, what, cancellationToken);
}
