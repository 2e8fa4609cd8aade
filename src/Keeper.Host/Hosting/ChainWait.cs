using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>
/// Waits at start until the execution client answers <c>eth_chainId</c>: a node started before its RPC (a reboot, a
/// client still syncing its RPC server) waits instead of exiting. Only transport failures are waited out; an answer, even
/// an unexpected one, ends the wait, so what is wrong about it (a store of another chain) stays a fatal error. The reason
/// is logged once when the wait starts, then about once a minute, and <see cref="NotReadyReason"/> tells <c>/ready</c>.
/// </summary>
/// <param name="eth">The Ethereum API.</param>
/// <param name="time">The clock for the pauses between tries.</param>
/// <param name="logger">Receives the wait's start, progress and end.</param>
public sealed partial class ChainWait(EthApi eth, TimeProvider time, ILogger<ChainWait> logger)
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

    /// <summary>Returns the chain id once the execution client answers.</summary>
    /// <exception cref="JsonRpcNodeException">The client answered with an error: waiting would not change it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (the node is stopping).</exception>
    public async Task<ulong> UntilAnswersAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var lastLogged = started;
        var pause = FirstPause;
        var failures = 0;
        while (true)
        {
            try
            {
                var chainId = await eth.ChainIdAsync(cancellationToken);
                _notReadyReason = null;
                if (failures > 0)
                {
                    LogAnswered(logger, chainId, (long)time.GetElapsedTime(started).TotalSeconds);
                }

                return chainId;
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
