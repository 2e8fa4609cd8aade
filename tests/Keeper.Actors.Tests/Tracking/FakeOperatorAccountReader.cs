using System.Numerics;
using System.Threading.Channels;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// An account reader whose reads the test answers: each call is queued with a completion source, so a read stays in
/// flight until the test completes or fails it.
/// </summary>
internal sealed class FakeOperatorAccountReader : IOperatorAccountReader
{
    private readonly Channel<Read> _reads = Channel.CreateUnbounded<Read>();

    public Task<IReadOnlyList<MegapoolAccount>> ReadAsync(Address depositPool, IReadOnlyList<(Address Megapool, Address? Node)> megapools, ulong block, CancellationToken cancellationToken)
    {
        var read = new Read(depositPool, megapools, block, new TaskCompletionSource<IReadOnlyList<MegapoolAccount>>(TaskCreationOptions.RunContinuationsAsynchronously));
        _reads.Writer.TryWrite(read);
        return read.Answer.Task;
    }

    /// <summary>The next read the actor started; fails the test if none starts within the timeout.</summary>
    public async Task<Read> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _reads.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Expected the actor to start a read within {timeout}; it started none.");
        }
    }

    /// <summary>True when a read was started and not yet taken by <see cref="NextAsync"/>.</summary>
    public bool HasPending => _reads.Reader.TryPeek(out _);

    /// <summary>One read: what was asked, and how the test answers it.</summary>
    internal sealed record Read(Address DepositPool, IReadOnlyList<(Address Megapool, Address? Node)> Megapools, ulong Block, TaskCompletionSource<IReadOnlyList<MegapoolAccount>> Answer)
    {
        /// <summary>Answers with credit = <paramref name="credit"/>, debt = <paramref name="debt"/> and a 3 ETH refund for every megapool, node 0x…ee where unknown.</summary>
        public void Complete(BigInteger credit, BigInteger debt) =>
            Answer.SetResult([.. Megapools.Select(m => new MegapoolAccount(m.Megapool, m.Node ?? NodeOf(m.Megapool), credit, debt, BigInteger.Parse("3000000000000000000"), null))]);

        /// <summary>The node the fake reports for a megapool whose node the actor did not know: its address with the first byte 0xee.</summary>
        public static Address NodeOf(Address megapool)
        {
            var bytes = megapool.Bytes.ToArray();
            bytes[0] = 0xee;
            return new Address(bytes);
        }
    }
}
