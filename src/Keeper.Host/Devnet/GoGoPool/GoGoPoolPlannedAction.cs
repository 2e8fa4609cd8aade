using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>What the devnet does to a control minipool at a chain time, so it never raises an alert.</summary>
/// <param name="At">The first block timestamp at which to send it (well before the boundary it must beat).</param>
/// <param name="NodeId">The minipool.</param>
/// <param name="Withdraw">True: its owner withdraws the funds (Withdrawable to Finished); false: its cycle's end is recorded (Staking to Withdrawable).</param>
/// <param name="Boundary">The control's alert boundary: mined in a block with a later timestamp, the action would come too late to keep it quiet.</param>
public sealed record GoGoPoolPlannedAction(ulong At, Address NodeId, bool Withdraw, ulong Boundary);
