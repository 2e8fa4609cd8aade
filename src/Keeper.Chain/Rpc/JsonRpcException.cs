namespace Keeper.Chain.Rpc;

/// <summary>Base of every JSON-RPC failure.</summary>
public abstract class JsonRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected JsonRpcException(string method, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method that failed (or <c>batch</c>).</summary>
    public string Method { get; }
}
