namespace Keeper.Host.Node;

/// <summary>The key of the signer balance watch in the host's actor registry.</summary>
public sealed class SignerBalanceMarker
{
    private SignerBalanceMarker()
    {
    }
}
