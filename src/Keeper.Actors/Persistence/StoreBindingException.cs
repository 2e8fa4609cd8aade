namespace Keeper.Actors.Persistence;

/// <summary>
/// The store belongs to another chain than the one this node runs on. The node must not start: the store's journal and
/// claims are another chain's. The message names the store (without its password), both chains and the fix.
/// </summary>
public sealed class StoreBindingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">The store's description.</param>
    /// <param name="bound">The chain the store is bound to.</param>
    /// <param name="expected">The chain this node runs on.</param>
    /// <param name="message">The full explanation.</param>
    public StoreBindingException(string store, StoreBinding bound, StoreBinding expected, string message)
        : base(message)
    {
        Store = store;
        Bound = bound;
        Expected = expected;
    }

    /// <summary>The store ("SQLite file ...", "PostgreSQL database ... on host:port").</summary>
    public string Store { get; }

    /// <summary>The chain the store is bound to.</summary>
    public StoreBinding Bound { get; }

    /// <summary>The chain this node runs on.</summary>
    public StoreBinding Expected { get; }
}
