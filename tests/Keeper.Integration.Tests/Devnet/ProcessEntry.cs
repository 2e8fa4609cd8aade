namespace Keeper.Integration.Tests.Devnet;

/// <summary>One Linux process: its id, start time (clock ticks since boot, so a reused id is told apart), name and command line.</summary>
public sealed record ProcessEntry(int Pid, ulong StartTime, string Name, string CommandLine);
