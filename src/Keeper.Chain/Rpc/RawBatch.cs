using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;

namespace Keeper.Chain.Rpc;

/// <summary>
/// Sends a batch to one endpoint and returns the raw answers in request order. Each attempt has batch items of its own,
/// so a hedged attempt never writes into the caller's batch; the winner's answers are decoded into it once.
/// </summary>
internal static class RawBatch
{
    public static async Task<RpcResponseMessage[]> SendAsync(IClient client, RpcRequestMessage[] requests)
    {
        var items = requests.Select(r => new Item(r)).ToArray();
        var batch = new RpcRequestResponseBatch { AcceptPartiallySuccessful = true };
        batch.BatchItems.AddRange(items);
        await client.SendBatchRequestAsync(batch).ConfigureAwait(false);

        // JsonRpcHttpHandler already refused an answer that lacks an entry; this guards against any other client.
        return items.Select(i => i.Response ?? throw new JsonRpcAttemptException($"batch response lacks the answer to {i.RpcRequestMessage.Method}")).ToArray();
    }

    private sealed class Item(RpcRequestMessage request) : IRpcRequestResponseBatchItem
    {
        public RpcResponseMessage? Response { get; private set; }

        public RpcRequestMessage RpcRequestMessage => request;

        public bool HasError => Response?.HasError ?? false;

        public object? RawResponse => Response;

        public Nethereum.JsonRpc.Client.RpcError? RpcError =>
            Response?.Error is { } error ? new Nethereum.JsonRpc.Client.RpcError(error.Code, error.Message, error.Data) : null;

        public void DecodeResponse(RpcResponseMessage rpcResponse) => Response = rpcResponse;
    }
}
