using System.Threading.Channels;
using Keeper.Actors.Runtime;

namespace Keeper.Actors.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: it records everything it receives, Terminated included.</summary>
internal sealed class ProbeActor : ReceiveActor
{
    public ProbeActor(ChannelWriter<ReceivedMessage> received, TimeProvider clock)
    {
        Receive<ProbeCommand>(command => command.Apply(Context));
        ReceiveAny(message => received.TryWrite(new ReceivedMessage(message, Sender, clock.GetUtcNow())));
    }
}
