using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Keeper.Testing.Http;

/// <summary>
/// A JSON-RPC endpoint on 127.0.0.1 in front of a real node: it forwards requests (whatever the URL's path), and holds
/// those its rule picks, and every request after <see cref="Stall"/>, accepting them and never answering, until the
/// client gives up or the proxy stops: an execution client that hangs, or one behind a broken load balancer. It tells
/// which held requests are still open, so a test can prove that something happened while a call was outstanding.
/// </summary>
public sealed class HoldingRpcProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, bool> _open = new();
    private readonly TaskCompletionSource<int> _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, bool> _hold;
    private int _requests;
    private int _held;
    private int _stalled;

    private HoldingRpcProxy(WebApplication app, Uri target, Func<int, bool> hold)
    {
        _app = app;
        _target = target;
        _hold = hold;
        _app.Run(HandleAsync);
    }

    /// <summary>The proxy's URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Completes with the number of the first request held.</summary>
    public Task<int> FirstHeld => _firstHeld.Task;

    /// <summary>Requests held without an answer so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Requests forwarded to the node so far.</summary>
    public int Forwarded => Volatile.Read(ref _requests) - Held;

    /// <summary>Starts a proxy in front of <paramref name="target"/> that forwards every request until <see cref="Stall"/>.</summary>
    public static Task<HoldingRpcProxy> StartAsync(Uri target, CancellationToken cancellationToken = default) =>
        StartAsync(target, static _ => false, cancellationToken);

    /// <summary>
    /// Starts a proxy in front of <paramref name="target"/> that holds each request for which <paramref name="hold"/>,
    /// given its number (from 1), is true, e.g. <c>n => n % 2 == 0</c> for every other one.
    /// </summary>
    public static async Task<HoldingRpcProxy> StartAsync(Uri target, Func<int, bool> hold, CancellationToken cancellationToken = default)
    {
        var proxy = new HoldingRpcProxy(LoopbackApp.Build(), target, hold);
        proxy.Url = await LoopbackApp.StartAsync(proxy._app, cancellationToken).ConfigureAwait(false);
        return proxy;
    }

    /// <summary>From now on, every request is held without an answer.</summary>
    public void Stall() => Volatile.Write(ref _stalled, 1);

    /// <summary>True while request number <paramref name="request"/> is held open: the client has neither had an answer nor given up.</summary>
    public bool StillHeld(int request) => _open.ContainsKey(request);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _forward.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (Volatile.Read(ref _stalled) == 1 || _hold(number))
        {
            Interlocked.Increment(ref _held);
            _open[number] = true;
            _firstHeld.TrySetResult(number);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, held.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _open.TryRemove(number, out _);
            context.Abort();
            return;
        }

        using var forward = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body.ToArray()) };
        forward.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var answer = await _forward.SendAsync(forward, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
