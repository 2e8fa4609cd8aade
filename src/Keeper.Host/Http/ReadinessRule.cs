namespace Keeper.Host.Http;

/// <summary>
/// One reason the node may not be ready: returns it, in words an operator acts on, or null when it does not apply. Rules
/// are registered as singletons (<c>services.AddSingleton&lt;ReadinessRule&gt;(...)</c>); <c>/ready</c> and
/// <c>keeper_ready</c> evaluate them all, in registration order. A rule reads only the <see cref="INodeView"/>, which
/// never waits on the chain.
/// </summary>
/// <param name="node">The node.</param>
/// <param name="now">This host's clock.</param>
public delegate string? ReadinessRule(INodeView node, DateTimeOffset now);
