using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>An alert about one GoGoPool minipool, for its owner and the operator.</summary>
/// <param name="Key">
/// <c>&lt;kind&gt;:&lt;nodeId lower hex&gt;:&lt;status&gt;:&lt;episode time&gt;</c>: the same for as long as the
/// condition is one episode, so it is raised once.
/// </param>
/// <param name="Kind">What it is about.</param>
/// <param name="NodeId">The minipool's node ID.</param>
/// <param name="Owner">The minipool's owner.</param>
/// <param name="Status">The status it is about.</param>
/// <param name="DueAt">The boundary in chain time: the alert holds from one second after it (at once for Error).</param>
/// <param name="RaisedAt">The chain time (head timestamp) at which it was raised.</param>
/// <param name="Own">Whether the owner is one of the operator's own (keeper.gogopool.owners).</param>
/// <param name="Message">What is wrong and what the owner can do, for logs and the dashboard.</param>
public sealed record GoGoAlert(string Key, GoGoAlertKind Kind, Address NodeId, Address Owner, GoGoMinipoolStatus Status, ulong DueAt, ulong RaisedAt, bool Own, string Message);
