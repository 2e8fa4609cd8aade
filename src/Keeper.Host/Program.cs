using System.CommandLine;
using Keeper.Host.Cli;
using Keeper.Host.Hosting;

// SIGINT and SIGTERM cancel the running command. `keeper run` then stops its host (the node leaves the cluster, the last
// status is written, the actors stop), which may take longer than System.CommandLine's default grace of 2 s.
return await KeeperCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = KeeperHost.ShutdownTimeout + TimeSpan.FromSeconds(5) });
