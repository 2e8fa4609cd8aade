namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>The chain does not look like the GoGoPool deployment the keeper was configured for.</summary>
public sealed class GoGoPoolBindingException(string message, Exception? innerException = null) : Exception(message, innerException);
