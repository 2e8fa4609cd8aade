using Keeper.Host.Cli;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>
/// Writes the node's status, with the HTTP address, to the status file (<c>keeper run --status-file</c>) every second
/// once the host has started, and a last time when the host stops. It is registered after the actor system, so the host
/// stops it first: the last status is read while every actor still runs, as the devnet and its tests expect. The status
/// comes from the node's board, so the file stays fresh (its time stamp tells a running node) even while the RPC hangs.
/// </summary>
/// <param name="path">The status file.</param>
/// <param name="node">The node.</param>
/// <param name="server">The HTTP server, whose bound address goes into the file.</param>
/// <param name="lifetime">The host's lifetime.</param>
/// <param name="timeProvider">The clock of the one-second period.</param>
/// <param name="logger">Receives failed writes.</param>
public sealed partial class StatusFileWriter(
    string path, KeeperNode node, IServer server, IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<StatusFileWriter> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var http = server.KeeperHttpAddress();
        using var timer = new PeriodicTimer(Period, timeProvider);
        do
        {
            await WriteAsync(http);
        }
        while (await TickAsync(timer, stoppingToken));

        await WriteAsync(http);
    }

    // True once the host has started (Kestrel has bound its address); false if it stops first.
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WriteAsync(Uri http)
    {
        try
        {
            await StatusFile.WriteAsync(path, node.GetStatus(), http, CancellationToken.None);
        }
        catch (IOException ex)
        {
            LogWriteFailed(logger, path, ex.Message);
        }
    }
}
