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

    /// <summary>
    /// The most batch requests one read keeps running at once (a cold start reads hundreds in a row). Three keep the node
    /// busy while an answer travels and is decoded, without flooding a shared or rate-limited endpoint.
    /// </summary>
    public int MaxBatchesInFlight { get; init; } = 3;

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public BatchCallerOptions Validate()
    {
        if (MaxCallsPerBatch is < 1 or > 10_000)
        {
            throw new ArgumentException($"BatchCallerOptions.MaxCallsPerBatch must be 1-10000; it is {MaxCallsPerBatch}.");
        }

        if (MaxBatchesInFlight is < 1 or > 16)
        {
            throw new ArgumentException($"BatchCallerOptions.MaxBatchesInFlight must be 1-16; it is {MaxBatchesInFlight}.");
        }

        return this;
    }
}
