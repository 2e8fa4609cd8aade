namespace Keeper.Host.Hosting;

/// <summary>What a <c>keeper run</c> adds to the node's host beyond its settings.</summary>
/// <param name="StatusFile">Write the status to this file every second and on stop; null for none.</param>
/// <param name="FaultPoint">Called at the submitter's fault points (tests kill the process there); null for none.</param>
public sealed record KeeperHostOptions(string? StatusFile = null, Action<string>? FaultPoint = null);
