using Keeper.Actors.Runtime;

namespace Keeper.Actors.TestKit;

/// <summary>An instruction from a <see cref="TestProbe"/> to its actor, applied inside the actor.</summary>
internal sealed record ProbeCommand(Action<IActorContext> Apply);
