namespace Keeper.Chain.Eth;

/// <summary>A node's answer was valid JSON-RPC but not what the method promises (a missing field, a malformed value).</summary>
public sealed class EthResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EthResponseException(string method, string message, Exception? innerException = null)
        : base($"{method}: unexpected answer from the node: {message}", innerException)
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method whose answer was wrong.</summary>
    public string Method { get; }
}
