namespace Keeper.Host.Node;

/// <summary>How fresh one part's answer on the <see cref="NodeStateBoard"/> is.</summary>
/// <param name="Part">The part.</param>
/// <param name="AnsweredAt">When its latest answer arrived; null if it never answered.</param>
/// <param name="WaitingSince">Since when a question to it has gone unanswered (it is busy, e.g. awaiting the RPC); null when it answered the last one.</param>
public sealed record NodePartStatus(NodePart Part, DateTimeOffset? AnsweredAt, DateTimeOffset? WaitingSince);
