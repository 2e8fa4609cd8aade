using System.Net;
using System.Net.Sockets;

namespace Keeper.Host.Devnet;

/// <summary>Free TCP ports on 127.0.0.1, for processes whose port others must know before they start (cluster seeds).</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago (the OS picked it and it was released at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
