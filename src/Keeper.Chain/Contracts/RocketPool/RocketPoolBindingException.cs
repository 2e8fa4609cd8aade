namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>The chain does not look like the Rocket Pool deployment the keeper was configured for.</summary>
public sealed class RocketPoolBindingException(string message, Exception? innerException = null) : Exception(message, innerException);
