using Keeper.Actors.Runtime;

namespace Keeper.Actors.TestKit;

/// <summary>A message a <see cref="TestProbe"/> received.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it.</param>
/// <param name="ReceivedAt">When it arrived, on the system's clock.</param>
public sealed record ReceivedMessage(object Message, IActorRef Sender, DateTimeOffset ReceivedAt)
{
    /// <inheritdoc />
    public override string ToString() => $"{Message.GetType().Name} {Message} from {Sender.Path} at {ReceivedAt:O}";
}
