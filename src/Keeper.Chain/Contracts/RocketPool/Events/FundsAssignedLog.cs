using System.Numerics;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary><c>FundsAssigned(address indexed receiver, uint256 amount, uint256 time)</c> from the deposit pool.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Receiver">The megapool.</param>
/// <param name="Amount">Wei assigned.</param>
/// <param name="Time">The block timestamp.</param>
public sealed record FundsAssignedLog(LogEntry Log, Address Receiver, BigInteger Amount, ulong Time) : RocketPoolLog(Log);
