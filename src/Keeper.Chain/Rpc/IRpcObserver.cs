namespace Keeper.Chain.Rpc;

/// <summary>
/// Hears every attempt a <see cref="FailoverClient"/> makes, as it ends (for metrics). Called on the caller's thread
/// right after the attempt: it must be quick and must not throw.
/// </summary>
public interface IRpcObserver
{
    /// <summary>One attempt against one endpoint ended.</summary>
    void Attempted(RpcAttempt attempt);
}
