using Akka.Actor;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>Own mode (keeper.own): which megapools are the signing operator's, and who warns before their deadlines.</summary>
/// <param name="Megapools">The megapools of the own node addresses (<c>RocketMegapoolFactory.getExpectedAddress(node)</c>).</param>
/// <param name="Watch">The <see cref="OwnDeadlineWatch"/> the trackers tell each own megapool's deadlines.</param>
public sealed record OwnPools(IReadOnlySet<Address> Megapools, IActorRef Watch);
