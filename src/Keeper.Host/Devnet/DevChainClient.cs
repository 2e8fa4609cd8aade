using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Nethereum.Model;

namespace Keeper.Host.Devnet;

/// <summary>
/// Talks to an anvil node through Keeper.Chain itself: every transaction is built and signed by our code and sent raw.
/// Also wraps anvil's test methods (mine, snapshot, revert, time travel).
/// </summary>
public sealed class DevChainClient : IDisposable
{
    private readonly FailoverClient _rpc;

    /// <summary>Connects to the node.</summary>
    public DevChainClient(AnvilNode node)
    {
        Node = node;
        // Seeding sends batches of thousands of transactions to a local anvil: far longer than a keeper's read may take.
        _rpc = new FailoverClient(new FailoverClientOptions
        {
            Endpoints = [node.RpcUrl], InitialBackoff = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromMinutes(2), HedgeDelay = null,
        });
        Eth = new EthApi(_rpc);
        Keys = node.PrivateKeys.Select(PrivateKey.FromHex).ToArray();
    }

    /// <summary>The node.</summary>
    public AnvilNode Node { get; }

    /// <summary>The JSON-RPC client.</summary>
    public FailoverClient Rpc => _rpc;

    /// <summary>The typed API.</summary>
    public EthApi Eth { get; }

    /// <summary>The funded dev accounts.</summary>
    public IReadOnlyList<PrivateKey> Keys { get; }

    /// <summary>Signs and sends an EIP-1559 transaction and waits until it is mined (anvil automines).</summary>
    public async Task<TransactionReceipt> SendAsync(PrivateKey key, Address? to, byte[] data, BigInteger? value = null, ulong? gas = null, CancellationToken cancellationToken = default)
    {
        var signed = await SignAsync(key, to, data, value, gas, cancellationToken);
        var hash = await Eth.SendRawTransactionAsync(signed.Bytes, cancellationToken);
        return await WaitMinedAsync(hash, cancellationToken);
    }

    /// <summary>
    /// Sends one step of setting up a harness (a deployment's registration, a seed, a setting) and returns its receipt; a
    /// step the node refuses or that reverts fails with <paramref name="what"/> and the decoded reason.
    /// </summary>
    /// <exception cref="InvalidOperationException">The step was refused or reverted.</exception>
    public async Task<TransactionReceipt> SendStepAsync(PrivateKey key, Address to, byte[] data, string what, CancellationToken cancellationToken = default)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await SendAsync(key, to, data, cancellationToken: cancellationToken);
        }
        catch (JsonRpcNodeException ex)
        {
            throw new InvalidOperationException($"Harness step '{what}' failed: {RevertDecoder.Decode(ex.RevertData ?? [])} ({ex.NodeMessage}).", ex);
        }

        return receipt.Succeeded ? receipt : throw new InvalidOperationException($"Harness step '{what}' reverted in block {receipt.BlockNumber}.");
    }

    /// <summary>Builds and signs an EIP-1559 transaction from <paramref name="key"/> at its pending nonce.</summary>
    /// <remarks>With <paramref name="gas"/> the node's estimate is skipped, so a transaction that will revert is still sent and mined.</remarks>
    public async Task<RawTransaction> SignAsync(PrivateKey key, Address? to, byte[] data, BigInteger? value = null, ulong? gas = null, CancellationToken cancellationToken = default)
    {
        var chainId = await Eth.ChainIdAsync(cancellationToken);
        var nonce = await Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, cancellationToken);
        var head = await Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        var baseFee = head.BaseFeePerGas ?? BigInteger.Zero;
        var gasLimit = gas ?? (to is { } target
            ? await Eth.EstimateGasAsync(new CallRequest(target, data, key.Address, Value: value), cancellationToken) * 12 / 10
            : 6_000_000);
        return key.Sign(new Transaction1559(
            chainId, nonce, 1_000_000_000, (baseFee * 2) + 1_000_000_000, gasLimit, to?.ToLowerHex(), value ?? BigInteger.Zero, Hex.Encode(data), []));
    }

    /// <summary>
    /// Signs many calls from one account with consecutive nonces and fixed gas limits, and sends them in JSON-RPC batches
    /// without waiting for each to be mined (for seeding large scenarios). Returns the transaction hashes in order.
    /// </summary>
    public async Task<IReadOnlyList<Hash32>> SendManyAsync(PrivateKey key, IReadOnlyList<(Address To, byte[] Data, ulong Gas)> calls, CancellationToken cancellationToken = default)
    {
        var chainId = await Eth.ChainIdAsync(cancellationToken);
        var nonce = await Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending, cancellationToken);
        var head = await Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        // Many full blocks in a row raise the base fee by up to 12.5% each; a transaction whose cap falls below it is
        // dropped, so leave ample room (only the base fee actually due is paid).
        var maxFee = BigInteger.Max((head.BaseFeePerGas ?? BigInteger.Zero) * 50, 500_000_000_000);
        var signed = calls.Select((c, i) => key.Sign(
            new Transaction1559(chainId, nonce + (ulong)i, 1_000_000_000, maxFee, c.Gas, c.To.ToLowerHex(), BigInteger.Zero, Hex.Encode(c.Data), []))).ToArray();
        foreach (var chunk in signed.Chunk(100))
        {
            var requests = chunk.Select(t => new JsonRpcRequest("eth_sendRawTransaction", [Hex.Encode(t.Bytes)])).ToArray();
            var responses = await _rpc.SendBatchAsync(requests, cancellationToken);
            foreach (var response in responses)
            {
                response.GetResultOrThrow();
            }
        }

        return signed.Select(t => t.Hash).ToArray();
    }

    /// <summary>Mines blocks until the node's pool of pending transactions is empty (with automine off).</summary>
    public async Task MineUntilEmptyAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = await _rpc.SendAsync("txpool_status", [], cancellationToken);
            if (Hex.DecodeQuantity(status.GetProperty("pending").GetString()!).IsZero)
            {
                return;
            }

            await MineAsync(1, cancellationToken);
        }
    }

    /// <summary>Checks that every transaction was mined and succeeded, reading receipts in batches.</summary>
    /// <exception cref="InvalidOperationException">One is missing or reverted.</exception>
    public async Task EnsureSucceededAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in hashes.Chunk(500))
        {
            var requests = chunk.Select(h => new JsonRpcRequest("eth_getTransactionReceipt", [h.ToString()])).ToArray();
            var responses = await _rpc.SendBatchAsync(requests, cancellationToken);
            for (var i = 0; i < responses.Count; i++)
            {
                var receipt = responses[i].GetResultOrThrow();
                if (receipt.ValueKind == JsonValueKind.Null)
                {
                    throw new InvalidOperationException($"Transaction {chunk[i]} was not mined.");
                }

                if (receipt.GetProperty("status").GetString() != "0x1")
                {
                    throw new InvalidOperationException(
                        $"Transaction {chunk[i]} to {receipt.GetProperty("to")} reverted in block {Hex.DecodeQuantity(receipt.GetProperty("blockNumber").GetString()!)} " +
                        $"after using {Hex.DecodeQuantity(receipt.GetProperty("gasUsed").GetString()!)} gas.");
                }
            }
        }
    }

    /// <summary>Deploys a compiled test contract signed by <paramref name="key"/> (the first dev account by default).</summary>
    public async Task<Address> DeployAsync(string contractName, byte[]? constructorArguments = null, PrivateKey? key = null, CancellationToken cancellationToken = default)
    {
        var contract = CompiledContracts.Get(contractName);
        var receipt = await SendAsync(key ?? Keys[0], null, [.. contract.Bytecode, .. constructorArguments ?? []], cancellationToken: cancellationToken);
        if (!receipt.Succeeded || receipt.ContractAddress is not { } address)
        {
            throw new InvalidOperationException($"Deploying {contractName} failed (receipt status {receipt.Succeeded}).");
        }

        return address;
    }

    /// <summary>Polls for the receipt of a transaction anvil has mined or will mine.</summary>
    public async Task<TransactionReceipt> WaitMinedAsync(Hash32 hash, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await new ReceiptWaiter(Eth, TimeSpan.FromMilliseconds(20)).WaitAsync(hash, 1, timeout.Token);
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public async Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < blocks; i++)
        {
            await _rpc.SendAsync("evm_mine", [], cancellationToken);
        }
    }

    /// <summary>Takes a snapshot of the chain; <see cref="RevertAsync"/> returns to it.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await _rpc.SendAsync("evm_snapshot", [], cancellationToken)).GetString()!;

    /// <summary>Reverts the chain to a snapshot, dropping the blocks mined since.</summary>
    public async Task RevertAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var ok = await _rpc.SendAsync("evm_revert", [snapshotId], cancellationToken);
        if (ok.ValueKind != JsonValueKind.True)
        {
            throw new InvalidOperationException($"evm_revert to {snapshotId} failed.");
        }
    }

    /// <summary>Switches anvil's automine on or off.</summary>
    public Task SetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        _rpc.SendAsync("evm_setAutomine", [enabled], cancellationToken);

    /// <summary>Moves the chain clock forward by <paramref name="seconds"/> for the next mined block.</summary>
    public Task IncreaseTimeAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        _rpc.SendAsync("evm_increaseTime", [seconds], cancellationToken);

    /// <summary>Sets the timestamp of the next mined block.</summary>
    public Task SetNextBlockTimestampAsync(ulong timestamp, CancellationToken cancellationToken = default) =>
        _rpc.SendAsync("evm_setNextBlockTimestamp", [timestamp], cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }

        _rpc.Dispose();
    }
}
