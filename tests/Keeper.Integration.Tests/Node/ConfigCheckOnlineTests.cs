using Keeper.Chain.Signing;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Keeper.Host.Devnet.GoGoPool;
using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// <c>keeper config check --online</c> as an operator runs it, a real process against a real anvil with the harness and
/// the devnet beacon node: every check passes on a right configuration, and each wrong fact fails by name.
/// </summary>
public sealed class ConfigCheckOnlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-config-online-").FullName;
    private AnvilNode? _anvil;
    private DevChainClient? _chain;
    private RocketPoolHarness? _harness;
    private DevBeaconNode? _beacon;
    private GoGoPoolHarness? _goGoPool;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_anvil);
        _harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        _beacon = await DevBeaconNode.StartAsync(_chain, _harness, null, null, null, CancellationToken.None);
        // GoGoPool's harness on the same dev chain: keeper.gogopool may name any chain, this one included.
        _goGoPool = await GoGoPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
    }

    public async Task DisposeAsync()
    {
        if (_beacon is not null)
        {
            await _beacon.DisposeAsync();
        }

        _chain?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Online_RightConfiguration_EveryCheckPasses()
    {
        var config = Write("right", _chain!.Keys[1], _harness!.Deployment.Storage,
            NodeFiles.Beacon(_beacon!.Url) + $"\ngogopool {{ enabled = on, chain-id = 31337, rpc = [\"{_anvil!.RpcUrl}\"], storage = \"{_goGoPool!.Deployment.Storage}\" }}");

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(null, Patience, "config", "check", config, "--online");

        Assert.True(exitCode == ExitCodes.Ok, $"exit {exitCode}\n{output}\n{error}");
        Has(output, $"ok   keeper.chain.rpc {SecretMask.Url(_anvil!.RpcUrl)}: answers: chain id 31337 (a local dev chain)");
        Has(output, $"ok   keeper.rocketpool.storage {_harness.Deployment.Storage}: resolves every contract Keeper uses (rocketMegapoolManager {_harness.Deployment.MegapoolManager})");
        Has(output, $"ok   signer {_chain.Keys[1].Address}: balance ");
        Has(output, "ok   keeper.beacon.endpoints http://127.0.0.1:");
        Has(output, $"ok   keeper.gogopool.rpc {SecretMask.Url(_anvil.RpcUrl)}: answers: chain id 31337 (a local dev chain)");
        Has(output, $"ok   keeper.gogopool.storage {_goGoPool.Deployment.Storage}: resolves GoGoPool's contracts (RewardsPool {_goGoPool.Deployment.RewardsPool})");
        Has(output, $"ok   gogopool signer {_chain.Keys[1].Address}: balance ");
        Assert.False(output.Contains("FAIL", StringComparison.Ordinal), output);
        Has(output, "# online: all checks passed.");
    }

    [Fact]
    public async Task Online_RocketStorageWithoutCode_FailsNamingTheKey()
    {
        var wrong = _chain!.Keys[7].Address;
        var config = Write("no-code", _chain.Keys[1], wrong);

        var (exitCode, output, _) = await KeeperCommandLine.RunAsync(null, Patience, "config", "check", config, "--online");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Has(output, $"FAIL keeper.rocketpool.storage {wrong}: no contract at this address on chain 31337 (a local dev chain): set the RocketStorage address of this network");
        Has(output, "# online: 1 check(s) failed.");
    }

    [Fact]
    public async Task Online_ContractThatIsNotRocketStorage_UnfundedSignerAndDeadEndpoints_EachFailsByName()
    {
        // Multicall3 is a contract, but RocketStorage's getAddress is not among its functions.
        using var unfunded = PrivateKey.Generate();
        var deadRpc = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        var deadBeacon = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        var config = Write("all-wrong", unfunded, _harness!.Multicall3,
            $"beacon.endpoints = [\"{deadBeacon}\"]\nchain.rpc = [\"{_anvil!.RpcUrl}\", \"{deadRpc}\"]\n" +
            // The C-Chain's id on a dev chain's RPC.
            $"gogopool {{ enabled = on, chain-id = 43114, rpc = [\"{_anvil.RpcUrl}\"], storage = \"{_goGoPool!.Deployment.Storage}\" }}");

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(null, Patience, "config", "check", config, "--online");

        Assert.True(exitCode == ExitCodes.Failed, $"exit {exitCode}\n{output}\n{error}");
        Has(output + error, $"FAIL keeper.chain.rpc {SecretMask.Url(deadRpc)}: does not answer eth_chainId");
        Has(output, $"FAIL keeper.rocketpool.storage {_harness.Multicall3}: is a contract but not a RocketStorage");
        Has(output, $"FAIL signer {unfunded.Address}: has 0 ETH on chain 31337: fund it");
        Has(output, $"FAIL keeper.beacon.endpoints {SecretMask.Url(deadBeacon)}: does not answer /eth/v1/beacon/genesis");
        Has(output, $"FAIL keeper.gogopool.rpc {SecretMask.Url(_anvil.RpcUrl)}: answers chain id 31337 (a local dev chain), but keeper.gogopool.chain-id is 43114 (Avalanche C-Chain)");
        Has(output, "# online: 5 check(s) failed.");
    }

    private static void Has(string output, string expected) => Assert.True(output.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in:\n{output}");

    private string Write(string id, PrivateKey key, Keeper.Chain.Primitives.Address rocketStorage, string extra = "") =>
        NodeFiles.Write(_work, id, key, _anvil!.RpcUrl, rocketStorage, _harness!.Multicall3, NodeFiles.Sqlite(Path.Combine(_work, $"{id}.db")), 2, gateEnabled: true, extra);
}
