using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <summary>What a submitter may sign: (contract, function selector) pairs, read afresh for every new action.</summary>
public interface ICallAllowList
{
    /// <summary>
    /// Null when a call to <paramref name="to"/> with <paramref name="data"/> may be signed; otherwise why not, naming the
    /// contract, the selector and what is allowed there.
    /// </summary>
    string? Refusal(Address to, ReadOnlySpan<byte> data);
}
