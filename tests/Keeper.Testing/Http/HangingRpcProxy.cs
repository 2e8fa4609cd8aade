using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Keeper.Testing.Http;

/// <summary>
/// A JSON-RPC endpoint on 127.0.0.1 in front of a real node that never answers every other request (it holds it until
/// the client gives up or the proxy stops) and forwards the others: a node behind a broken load balancer.
/// </summary>
public sealed class HangingRpcProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;
    private int _hung;

    private HangingRpcProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
        _app.Run(HandleAsync);
    }

    /// <summary>The proxy's URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Requests held without an answer so far.</summary>
    public int Hung => Volatile.Read(ref _hung);

    /// <summary>Requests forwarded to the node so far.</summary>
    public int Forwarded => Volatile.Read(ref _requests) - Hung;

    /// <summary>Starts the proxy in front of <paramref name="target"/>.</summary>
    public static async Task<HangingRpcProxy> StartAsync(Uri target, CancellationToken cancellationToken = default)
    {
        var proxy = new HangingRpcProxy(LoopbackApp.Build(), target);
        proxy.Url = await LoopbackApp.StartAsync(proxy._app, cancellationToken).ConfigureAwait(false);
        return proxy;
    }

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
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (Interlocked.Increment(ref _requests) % 2 == 0)
        {
            Interlocked.Increment(ref _hung);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, held.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
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
