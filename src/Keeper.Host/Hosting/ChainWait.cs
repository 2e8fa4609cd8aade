using Keeper.Chain.Rpc;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>
/// Waits at start until the execution client answers the node's first reads (<c>eth_chainId</c>, then the contracts): a
/// node started before its RPC (a reboot, a client still syncing its RPC server) waits instead of exiting. Only transport failures are waited out; an answer, even
/// an unexpected one, ends the wait, so what is wrong about it (a store of another chain) stays a fatal error. The reason
/// is logged once when the wait starts, then about once a minute, and <see cref="NotReadyReason"/> tells <c>/ready</c>.
/// </summary>
/// <param name="time">The clock for the pauses between tries.</param>
/// <param name="logger">Receives the wait's start, progress and end.</param>
public sealed partial class ChainWait(TimeProvider time, ILogger<ChainWait> logger)
{
    /// <summary>The pause after the first failed try; it doubles up to <see cref="MaxPause"/>.</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between tries: a node that comes back is noticed within this.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    /// <summary>How often a continuing wait is logged again.</summary>
    public static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private volatile string? _notReadyReason;

    /// <summary>Why the node is not ready while it waits for the execution client; null when it is not waiting.</summary>
    public string? NotReadyReason => _notReadyReason;

    /// <summary>
    /// Runs <paramref name="step"/> (reads that start with <c>eth_chainId</c> and go on with the contracts) until it
    /// completes without a transport failure: the client may answer once and drop again a moment later, which is waited
    /// out like a client that never answered. Any other failure ends the wait.
    /// </summary>
    /// <param name="step">The start-up reads and what they build.</param>
    /// <param name="chainIdOf">The chain id the step found, for the log.</param>
    /// <param name="cancellationToken">Stops the wait (the node is stopping).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<T> UntilAnswersAsync<T>(Func<CancellationToken, Task<T>> step, Func<T, ulong> chainIdOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(chainIdOf);
        var started = time.GetTimestamp();
        var lastLogged = started;
        var pause = FirstPause;
        var failures = 0;
        while (true)
        {
            try
            {
                var result = await step(cancellationToken);
                _notReadyReason = null;
                if (failures > 0)
                {
                    LogAnswered(logger, chainIdOf(result), (long)time.GetElapsedTime(started).TotalSeconds);
                }

                return result;
            }
            catch (JsonRpcTransportException ex)
            {
                failures++;
                _notReadyReason = $"waiting for the execution client to answer: {ex.Message}";
                if (failures == 1)
                {
                    LogWaiting(logger, ex.Message, (long)MaxPause.TotalSeconds);
                    lastLogged = time.GetTimestamp();
                }
                else if (time.GetElapsedTime(lastLogged) >= LogEvery)
                {
                    LogStillWaiting(logger, (long)time.GetElapsedTime(started).TotalSeconds, ex.Message);
                    lastLogged = time.GetTimestamp();
                }
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = pause * 2 < MaxPause ? pause * 2 : MaxPause;
        }
    }
}
