namespace Keeper.Host.Node;

/// <summary>keeper.cluster: this node as a member of the Akka cluster.</summary>
/// <param name="SeedNodes">The members to join through, as written (validated); empty: a cluster of one.</param>
/// <param name="Hostname">The address remoting listens on.</param>
/// <param name="Port">The TCP port remoting listens on; 0: a free one.</param>
/// <param name="PublicHostname">The address other members reach this node at; empty: <paramref name="Hostname"/>.</param>
/// <param name="PublicPort">The port other members reach this node at; 0: <paramref name="Port"/>.</param>
/// <param name="Tls">TLS for the cluster transport.</param>
/// <param name="HeartbeatInterval">The failure detector's heartbeat interval.</param>
/// <param name="AcceptableHeartbeatPause">How late heartbeats may be before a member counts as unreachable.</param>
/// <param name="StableAfter">How long the split-brain resolver waits for the unreachable set to settle.</param>
public sealed record ClusterSettings(
    IReadOnlyList<string> SeedNodes,
    string Hostname,
    int Port,
    string PublicHostname,
    int PublicPort,
    ClusterTlsSettings Tls,
    TimeSpan HeartbeatInterval,
    TimeSpan AcceptableHeartbeatPause,
    TimeSpan StableAfter);
