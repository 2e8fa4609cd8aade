namespace Keeper.Testing.Http;

/// <summary>The kinds of <see cref="ScriptedBehavior"/>.</summary>
public enum ScriptedBehaviorKind
{
    /// <summary>Send an HTTP response.</summary>
    Respond,

    /// <summary>Hold the request without answering until the client disconnects or the server stops.</summary>
    Hang,

    /// <summary>Close the connection abruptly.</summary>
    Abort,
}
