using System.Numerics;
using Keeper.Chain.Logs;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary><c>MegapoolDebtIncreased(uint256 amount, uint256 time)</c> from a megapool.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Amount">Wei added to the debt.</param>
/// <param name="Time">The block timestamp.</param>
public sealed record MegapoolDebtIncreasedLog(LogEntry Log, BigInteger Amount, ulong Time) : RocketPoolLog(Log);
