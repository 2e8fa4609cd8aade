using BenchmarkDotNet.Running;
using Keeper.Benchmarks.Scenarios;

// Scenario runs (real anvil, real processes) are named; everything else goes to BenchmarkDotNet.
if (args is ["tracking-cold-start", .. var rest])
{
    return await TrackingColdStartScenario.RunAsync(rest);
}

if (args is ["actor-footprint", .. var footprintArgs])
{
    return await ActorFootprintScenario.RunAsync(footprintArgs);
}

if (args is ["cluster-gate", .. var clusterArgs])
{
    return await ClusterGateScenario.RunAsync(clusterArgs);
}

if (args is ["cluster-failover", .. var failoverArgs])
{
    return await ClusterFailoverScenario.RunAsync(failoverArgs);
}

if (args is ["rpc-steady", .. var rpcArgs])
{
    return await SteadyRpcScenario.RunAsync(rpcArgs);
}

if (args is ["ssz-proofs", .. var sszArgs])
{
    return await Keeper.Benchmarks.Ssz.SszProofsScenario.RunAsync(sszArgs);
}

if (args is ["ssz-proofs-measure", .. var measureArgs])
{
    return Keeper.Benchmarks.Ssz.SszProofsScenario.Measure(measureArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(TrackingColdStartScenario).Assembly).Run(args);
return 0;
