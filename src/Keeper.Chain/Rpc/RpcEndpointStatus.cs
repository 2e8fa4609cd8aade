namespace Keeper.Chain.Rpc;

/// <summary>One endpoint's health as its client saw it.</summary>
/// <param name="Index">Its position in <see cref="FailoverClientOptions.Endpoints"/>.</param>
/// <param name="Label">The index and <c>scheme://host:port</c>: safe to show.</param>
/// <param name="LastSuccess">When it last answered; null if never.</param>
/// <param name="UnreachableSince">
/// Since when it has not answered: the start of the first attempt, after the last answer, that failed or is still
/// outstanding past the attempt deadline; null while it answers (or was never asked).
/// </param>
/// <param name="Outstanding">Attempts sent to it and not yet ended.</param>
public sealed record RpcEndpointStatus(int Index, string Label, DateTimeOffset? LastSuccess, DateTimeOffset? UnreachableSince, int Outstanding)
{
    /// <summary>True unless it is unreachable.</summary>
    public bool Up => UnreachableSince is null;
}
