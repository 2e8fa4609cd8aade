namespace Keeper.Host.Http;

/// <summary>One cluster member.</summary>
/// <param name="Address">Its signing address.</param>
/// <param name="Position">Its place in the round-robin order (0 first).</param>
/// <param name="Self">Whether it is this node.</param>
public sealed record MemberView(string Address, int Position, bool Self);
