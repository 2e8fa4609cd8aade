using System.Globalization;
using System.Numerics;
using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>
/// <c>keeper config check --online</c>: what a valid file cannot show, asked of the network the node would run on. Every
/// execution endpoint on its own (each answers, all on one chain), RocketStorage (a contract there, every contract Keeper
/// uses registered in it), the signer's balance, every beacon endpoint on its own, and with keeper.gogopool on, the same of
/// GoGoPool's chain (each endpoint answers its chain id, Storage resolves GoGoPool's contracts, the signer holds AVAX). Each check prints one line, ok or
/// FAIL with the key to fix; all run, whatever failed before.
/// </summary>
public sealed partial class OnlineCheck(KeeperSettings settings, Address? signer, TextWriter output)
{
    // One try per endpoint, a little more patient than a node's per-request deadline: this is a person waiting, once.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private int _failures;

    /// <summary>Runs every check; returns how many failed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var answering = new List<(Uri Endpoint, ulong ChainId)>();
        foreach (var endpoint in settings.Chain.Rpc)
        {
            using var client = Client([endpoint]);
            var (answered, chainId) = await TryAsync(
                $"keeper.chain.rpc {SecretMask.Url(endpoint)}",
                async ct => await new EthApi(client).ChainIdAsync(ct),
                chainId => $"answers: chain id {chainId}{Named(chainId)}",
                "does not answer eth_chainId: check the URL, that the client runs and that its HTTP JSON-RPC is enabled",
                cancellationToken);
            if (answered)
            {
                answering.Add((endpoint, chainId));
            }
        }

        var chains = answering.Select(a => a.ChainId).Distinct().ToArray();
        if (chains.Length > 1)
        {
            Fail("keeper.chain.rpc", $"the endpoints serve different chains ({string.Join(", ", chains)}); list only endpoints of the network this node keeps");
        }

        // The contracts and the balance are read through the endpoints that answered: the others already failed by name.
        if (answering.Count > 0)
        {
            await CheckChainAsync(answering.Where(a => a.ChainId == chains[0]).Select(a => a.Endpoint).ToArray(), chains[0], cancellationToken);
        }

        foreach (var endpoint in settings.Beacon.Endpoints)
        {
            using var beacon = new BeaconClient(new BeaconClientOptions { Endpoints = [endpoint], MaxAttempts = 1, RequestTimeout = Timeout });
            await TryAsync(
                $"keeper.beacon.endpoints {SecretMask.Url(endpoint)}",
                async ct => await beacon.GetGenesisAsync(ct),
                genesis => $"answers: genesis time {genesis.GenesisTime} ({DateTimeOffset.FromUnixTimeSeconds((long)genesis.GenesisTime):u})",
                "does not answer /eth/v1/beacon/genesis: check the URL and that the beacon node's REST API is enabled",
                cancellationToken);
        }

        if (settings.GoGoPool.Enabled)
        {
            await CheckGoGoPoolAsync(cancellationToken);
        }

        return _failures;
    }

    private async Task CheckChainAsync(IReadOnlyList<Uri> endpoints, ulong chainId, CancellationToken cancellationToken)
    {
        using var client = Client(endpoints);
        var eth = new EthApi(client);
        var (codeRead, code) = await TryAsync(
            $"keeper.rocketpool.storage {settings.RocketStorage}",
            async ct => await eth.GetCodeAsync(settings.RocketStorage, BlockTag.Latest, ct),
            _ => string.Empty,
            "could not be read",
            cancellationToken,
            report: false);
        if (codeRead && code.Length == 0)
        {
            Fail($"keeper.rocketpool.storage {settings.RocketStorage}", $"no contract at this address on chain {chainId}{Named(chainId)}: set the RocketStorage address of this network");
        }
        else if (codeRead)
        {
            var batch = new BatchCaller(eth, new BatchCallerOptions { Multicall3 = settings.Chain.Multicall3 });
            await TryAsync(
                $"keeper.rocketpool.storage {settings.RocketStorage}",
                async ct => await new RocketStorage(eth, settings.RocketStorage).ReadAddressesAsync(batch, BlockTag.Latest, ct),
                deployment => $"resolves every contract Keeper uses (rocketMegapoolManager {deployment.MegapoolManager})",
                "is a contract but not a RocketStorage with every contract Keeper uses registered: check the address",
                cancellationToken);
        }

        if (signer is { } address)
        {
            var (balanceRead, wei) = await TryAsync(
                $"signer {address}",
                async ct => await eth.GetBalanceAsync(address, BlockTag.Latest, ct),
                _ => string.Empty,
                "balance could not be read",
                cancellationToken,
                report: false);
            if (balanceRead)
            {
                if (wei.IsZero)
                {
                    Fail($"signer {address}", $"has 0 ETH on chain {chainId}: fund it before it has to send (keeper.signer.keystore names this account)");
                }
                else
                {
                    Ok($"signer {address}", $"balance {Ether(wei)} ETH");
                }
            }
        }
    }

    private async Task<(bool Ok, T Value)> TryAsync<T>(
        string what, Func<CancellationToken, Task<T>> read, Func<T, string> success, string failure, CancellationToken cancellationToken, bool report = true)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var value = await read(timeout.Token);
            if (report)
            {
                Ok(what, success(value));
            }

            return (true, value);
        }
        catch (Exception ex) when (ex is JsonRpcException or BatchCallFailedException or BeaconApiException or RocketPoolBindingException or GoGoPoolBindingException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Fail(what, $"{failure} ({(ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.Message)})");
            return (false, default!);
        }
    }

    private static FailoverClient Client(IReadOnlyList<Uri> endpoints) =>
        new(new FailoverClientOptions { Endpoints = endpoints, MaxAttempts = 1, RequestTimeout = Timeout, HedgeDelay = null });

    private void Ok(string what, string detail) => output.WriteLine($"ok   {what}: {detail}");

    private void Fail(string what, string detail)
    {
        _failures++;
        output.WriteLine($"FAIL {what}: {detail}");
    }

    private static string Named(ulong chainId) => chainId switch
    {
        1 => " (Ethereum mainnet)",
        17000 => " (Holesky)",
        560048 => " (Hoodi)",
        11155111 => " (Sepolia)",
        31337 => " (a local dev chain)",
        43112 => " (a local Avalanche network)",
        43113 => " (Avalanche Fuji)",
        43114 => " (Avalanche C-Chain)",
        _ => string.Empty,
    };

    private static string Ether(BigInteger wei) =>
        ((decimal)(wei / 1_000_000_000_000) / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);
}
