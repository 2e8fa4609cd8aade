using System.Text.Json;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Testing.Rpc;
using Xunit;

namespace Keeper.Chain.Tests.Calls;

public sealed class BatchCallerTests
{
    private static readonly Address Target = Address.Parse("0x00000000000000000000000000000000000000a1");

    // Call i asks for data i (one byte), so each result says which call it answers.
    private static CallRequest[] Calls(int count) => [.. Enumerable.Range(0, count).Select(i => new CallRequest(Target, [(byte)i]))];

    [Fact]
    public async Task CallAsync_TwoInFlight_NeverMoreThanTwoRequestsAtOnceAndResultsInCallOrder()
    {
        var node = new HeldBatches();
        var caller = new BatchCaller(new EthApi(node), new BatchCallerOptions { MaxCallsPerBatch = 2, MaxBatchesInFlight = 2 });

        var read = caller.CallAsync(Calls(7), BlockTag.Latest, CancellationToken.None);

        // Four batches of 2, 2, 2 and 1 calls, each pair answered last-sent first: the results keep the calls' order.
        await node.WaitingAsync(2);
        node.AnswerLatest();
        node.AnswerLatest();
        await node.WaitingAsync(2);
        node.AnswerLatest();
        node.AnswerLatest();

        var results = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, node.MostInFlight);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (byte)i), results.Select(r => r.ReturnData.Single()));
    }

    [Fact]
    public async Task CallInChunksAsync_OneInFlight_SendsTheNextRequestOnlyAfterTheAnswer()
    {
        var node = new HeldBatches();
        var caller = new BatchCaller(new EthApi(node), new BatchCallerOptions { MaxCallsPerBatch = 3, MaxBatchesInFlight = 1 });
        var chunks = new List<IReadOnlyList<CallResult>>();

        var read = Task.Run(async () =>
        {
            await foreach (var chunk in caller.CallInChunksAsync(Calls(5), BlockTag.Latest, CancellationToken.None))
            {
                chunks.Add(chunk);
            }
        });
        await node.WaitingAsync(1);
        node.AnswerLatest();
        await node.WaitingAsync(1);
        node.AnswerLatest();
        await read.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, node.MostInFlight);
        Assert.Equal([3, 2], chunks.Select(c => c.Count));
    }

    /// <summary>A node that holds every batch until the test answers it, and counts how many wait at once.</summary>
    private sealed class HeldBatches : ScriptedRpcClient
    {
        private readonly object _gate = new();
        private readonly List<(IReadOnlyList<JsonRpcRequest> Requests, TaskCompletionSource<IReadOnlyList<JsonRpcResponse>> Answer)> _waiting = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MostInFlight { get; private set; }

        protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters) =>
            throw new NotSupportedException($"Only batches are expected here, not {method}.");

        protected override Task<IReadOnlyList<JsonRpcResponse>> AnswerBatchAsync(IReadOnlyList<JsonRpcRequest> requests)
        {
            var answer = new TaskCompletionSource<IReadOnlyList<JsonRpcResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting.Add((requests, answer));
                MostInFlight = Math.Max(MostInFlight, _waiting.Count);
                _changed.TrySetResult();
            }

            return answer.Task;
        }

        public async Task WaitingAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_waiting.Count >= count)
                    {
                        return;
                    }

                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed = _changed.Task;
                }

                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
        }

        public void AnswerLatest()
        {
            (IReadOnlyList<JsonRpcRequest> Requests, TaskCompletionSource<IReadOnlyList<JsonRpcResponse>> Answer) batch;
            lock (_gate)
            {
                batch = _waiting[^1];
                _waiting.RemoveAt(_waiting.Count - 1);
            }

            batch.Answer.SetResult([.. batch.Requests.Select(r => JsonRpcResponse.Success(r.Method, JsonSerializer.SerializeToElement(Data(r))))]);
        }

        // The call's data field, echoed back as its return data.
        private static string Data(JsonRpcRequest request) =>
            JsonSerializer.SerializeToElement(request.Parameters[0]).GetProperty("data").GetString()!;
    }
}
