namespace Keeper.Chain.Rpc;

/// <summary>One HTTP request to one endpoint, as it ended.</summary>
/// <param name="Endpoint">The endpoint's position in <see cref="FailoverClientOptions.Endpoints"/>.</param>
/// <param name="EndpointLabel">The index and <c>scheme://host:port</c> only: never a path, query or user-info, where secrets live.</param>
/// <param name="Method">The JSON-RPC method, or <see cref="FailoverClient.BatchMethod"/> for a batch.</param>
/// <param name="Duration">From sending to the end of the attempt.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record RpcAttempt(int Endpoint, string EndpointLabel, string Method, TimeSpan Duration, RpcAttemptOutcome Outcome);
