namespace Keeper.Actors.Runtime;

/// <summary>A user message on its way to an actor, with the actor that sent it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender; the system's dead letters when there was none.</param>
internal readonly record struct Envelope(object Message, IActorRef Sender);
