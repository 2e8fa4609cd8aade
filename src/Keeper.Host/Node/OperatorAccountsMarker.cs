namespace Keeper.Host.Node;

/// <summary>The key of the operator accounts actor (credit, debt, refund per operator) in the host's actor registry.</summary>
public sealed class OperatorAccountsMarker
{
    private OperatorAccountsMarker()
    {
    }
}
