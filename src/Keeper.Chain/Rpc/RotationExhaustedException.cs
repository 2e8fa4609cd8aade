namespace Keeper.Chain.Rpc;

/// <summary>An <see cref="EndpointRotation{TFailure}"/> ran out of attempts, or an attempt failed finally.</summary>
/// <typeparam name="TFailure">The failure type of one attempt.</typeparam>
internal sealed class RotationExhaustedException<TFailure>(int attempts, RpcEndpoint lastEndpoint, TFailure lastFailure)
    : Exception(lastFailure.Message, lastFailure)
    where TFailure : Exception
{
    public int Attempts { get; } = attempts;

    public RpcEndpoint LastEndpoint { get; } = lastEndpoint;

    public TFailure LastFailure { get; } = lastFailure;
}
