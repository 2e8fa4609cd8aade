namespace Keeper.Host.Http;

/// <summary>Whose turn the earliest due task is, in this node's view.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="DueAt">When it fell due (chain time, seconds).</param>
/// <param name="Holder">The signing address of the member holding its current window.</param>
/// <param name="HolderIsSelf">Whether that is this node.</param>
public sealed record NextTurnView(string TaskKey, ulong DueAt, string Holder, bool HolderIsSelf);
