namespace Keeper.Host.Devnet;

/// <summary>One kind of action in the report: how many were due and how many were done on chain.</summary>
/// <param name="Due">Seeded actions of the kind whose time came during the run.</param>
/// <param name="Done">Those done by a successful transaction mined in the run.</param>
public sealed record DevnetKindTasks(int Due, int Done);
