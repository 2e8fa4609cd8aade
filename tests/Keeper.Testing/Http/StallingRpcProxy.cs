using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Keeper.Testing.Http;

/// <summary>
/// A JSON-RPC endpoint on 127.0.0.1 in front of a real node: it forwards every request (whatever the URL's path) until
/// <see cref="Stall"/>, then accepts every request and never answers it, holding it until the client gives up or the
/// proxy stops: an execution client that hangs. It tells which held requests are still open, so a test can prove that
/// something happened while a call was outstanding.
/// </summary>
public sealed class StallingRpcProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, bool> _open = new();
    private readonly TaskCompletionSource<int> _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;
    private int _stalled;

    private StallingRpcProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
        _app.Run(HandleAsync);
    }

    /// <summary>The proxy's URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Completes with the number of the first request held after <see cref="Stall"/>.</summary>
    public Task<int> FirstHeld => _firstHeld.Task;

    /// <summary>Starts the proxy in front of <paramref name="target"/>.</summary>
    public static async Task<StallingRpcProxy> StartAsync(Uri target, CancellationToken cancellationToken = default)
    {
        var proxy = new StallingRpcProxy(LoopbackApp.Build(), target);
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
        if (Volatile.Read(ref _stalled) == 1)
        {
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
