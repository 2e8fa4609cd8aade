namespace Keeper.Actors.Runtime;

/// <summary>A set of handlers tried in registration order; the first that matches takes the message.</summary>
internal sealed class Behavior
{
    private ReceiveHandler[] _handlers = [];
    private int _count;

    public void Add(ReceiveHandler handler)
    {
        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, Math.Max(2, _count * 2));
        }

        _handlers[_count++] = handler;
    }

    public bool TryHandle(object message, ref Task? pending)
    {
        var handlers = _handlers;
        for (var i = 0; i < _count; i++)
        {
            if (handlers[i].TryHandle(message, ref pending))
            {
                return true;
            }
        }

        return false;
    }
}
