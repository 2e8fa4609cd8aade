using Keeper.Chain.Primitives;

namespace Keeper.Chain.Calls;

/// <summary>How <see cref="BatchCaller"/> groups reads.</summary>
public sealed record BatchCallerOptions
{
    /// <summary>
    /// A Multicall3-compatible contract (<c>aggregate3</c>). When set, reads go through it, many per <c>eth_call</c>;
    /// when null, they go as a JSON-RPC batch of <c>eth_call</c>s.
    /// </summary>
    public Address? Multicall3 { get; init; }

    /// <summary>The most calls in one JSON-RPC batch or one <c>aggregate3</c> call.</summary>
    public int MaxCallsPerBatch { get; init; } = 200;

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public BatchCallerOptions Validate()
    {
        if (MaxCallsPerBatch is < 1 or > 10_000)
        {
            throw new ArgumentException($"BatchCallerOptions.MaxCallsPerBatch must be 1-10000; it is {MaxCallsPerBatch}.");
        }

        return this;
    }
}
