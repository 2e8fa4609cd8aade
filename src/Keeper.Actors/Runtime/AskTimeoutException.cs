namespace Keeper.Actors.Runtime;

/// <summary>An ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
