using System.Numerics;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary><c>FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time)</c> from the deposit pool.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Receiver">The megapool.</param>
/// <param name="ValidatorId">The megapool-local validator id.</param>
/// <param name="Amount">Wei requested.</param>
/// <param name="ExpressQueue">Whether the express queue was used.</param>
/// <param name="Time">The block timestamp.</param>
public sealed record FundsRequestedLog(LogEntry Log, Address Receiver, uint ValidatorId, BigInteger Amount, bool ExpressQueue, ulong Time) : RocketPoolLog(Log);
