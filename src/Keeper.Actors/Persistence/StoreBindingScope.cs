namespace Keeper.Actors.Persistence;

/// <summary>Which of a node's chains a <see cref="StoreBinding"/> binds.</summary>
public enum StoreBindingScope
{
    /// <summary>Rocket Pool's chain, the node's main chain (keeper.chain).</summary>
    RocketPool = 0,

    /// <summary>GoGoPool's chain (keeper.gogopool).</summary>
    GoGoPool = 1,
}
