namespace Keeper.Actors.Runtime;

/// <summary>Delivered to a watcher when an actor it watches has stopped. Never delivered after <c>Unwatch</c>.</summary>
/// <param name="Actor">The actor that stopped.</param>
public sealed record Terminated(IActorRef Actor) : IAutoReceivedMessage;
