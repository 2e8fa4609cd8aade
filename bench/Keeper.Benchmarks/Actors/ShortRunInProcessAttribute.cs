using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Keeper.Benchmarks.Actors;

/// <summary>
/// BenchmarkDotNet's ShortRun job (3 warm-up and 3 measured iterations, one launch) run inside the benchmark host process.
/// The default toolchain builds a generated project for every run, which on the shared 2-core machine takes minutes and
/// hit BenchmarkDotNet's 120 s build timeout.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ShortRunInProcessAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
