using System.Numerics;

namespace Keeper.Actors.Submission;

/// <summary>The fees <see cref="FeeBump.Next"/> proposes for a replacement.</summary>
/// <param name="MaxFeePerGas">The new fee cap per gas, in wei.</param>
/// <param name="MaxPriorityFeePerGas">The new tip per gas, in wei.</param>
/// <param name="WithinCap">False when <paramref name="MaxFeePerGas"/> exceeds the configured cap: do not send it.</param>
public sealed record BumpedFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas, bool WithinCap);
