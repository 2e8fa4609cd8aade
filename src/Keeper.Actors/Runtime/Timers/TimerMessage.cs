namespace Keeper.Actors.Runtime;

/// <summary>A timer's message on its way to the actor, tagged so that a stale one can be recognised and dropped.</summary>
internal sealed record TimerMessage(object Key, int Generation, object Message) : IAutoReceivedMessage;
