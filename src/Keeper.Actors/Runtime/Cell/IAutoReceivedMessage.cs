namespace Keeper.Actors.Runtime;

/// <summary>Marks the messages the runtime looks at before the actor does, so that other messages pay one type test.</summary>
internal interface IAutoReceivedMessage
{
}
