using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Keeper.Testing.Http;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that answers each request with the next behaviour a test enqueued
/// (a response, a hang, an abrupt close) and records every request. When the script runs out it answers
/// <see cref="WhenScriptEmpty"/>. Disposal stops it promptly, even with requests still hanging.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedBehavior> _script = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<RecordedRequest>> _arrivals = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private ScriptedHttpServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>What the server does once the script is used up. Default: HTTP 500 saying so.</summary>
    public ScriptedBehavior WhenScriptEmpty { get; set; } = ScriptedBehavior.Respond(500, "{\"scripted\":\"no behaviour left in the script\"}");

    /// <summary>The number of requests received so far.</summary>
    public int RequestCount
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The number of behaviours enqueued and not used yet.</summary>
    public int PendingBehaviors => _script.Count;

    /// <summary>Starts a server on 127.0.0.1 and a port the operating system picks.</summary>
    public static async Task<ScriptedHttpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new ScriptedHttpServer(LoopbackApp.Build());
        server.Url = await LoopbackApp.StartAsync(server._app, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// A loopback URL where nothing listens (a port that was free a moment ago), so connections to it are refused.
    /// </summary>
    public static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Adds behaviours for the next requests, in order.</summary>
    public ScriptedHttpServer Enqueue(params ScriptedBehavior[] behaviors)
    {
        foreach (var behavior in behaviors)
        {
            _script.Enqueue(behavior ?? throw new ArgumentNullException(nameof(behaviors)));
        }

        return this;
    }

    /// <summary>Adds one behaviour for the next <paramref name="times"/> requests.</summary>
    public ScriptedHttpServer Enqueue(ScriptedBehavior behavior, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        for (var i = 0; i < times; i++)
        {
            Enqueue(behavior);
        }

        return this;
    }

    /// <summary>Waits until the server has received its <paramref name="number"/>-th request (1-based) and returns it.</summary>
    /// <exception cref="TimeoutException">It did not arrive within <paramref name="timeout"/>.</exception>
    public async Task<RecordedRequest> WaitForRequestAsync(int number, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        try
        {
            return await Arrival(number).Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Expected request #{number} at {Url} within {timeout}, but only {RequestCount} arrived.", e);
        }
    }

    /// <summary>Stops the server, releasing hanging requests; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private TaskCompletionSource<RecordedRequest> Arrival(int number) =>
        _arrivals.GetOrAdd(number, _ => new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        RecordedRequest request;
        lock (_requests)
        {
            request = new RecordedRequest(
                _requests.Count + 1, context.Request.Method, context.Request.Path + context.Request.QueryString, body, headers);
            _requests.Add(request);
        }

        var behavior = _script.TryDequeue(out var next) ? next : WhenScriptEmpty;
        Arrival(request.Number).TrySetResult(request);

        switch (behavior.Kind)
        {
            case ScriptedBehaviorKind.Respond:
                await RespondAsync(context, behavior.RespondTo!(request)).ConfigureAwait(false);
                break;
            case ScriptedBehaviorKind.Hang:
                await HangAsync(context).ConfigureAwait(false);
                break;
            case ScriptedBehaviorKind.Abort:
                context.Abort();
                break;
            default:
                throw new InvalidOperationException($"Unknown scripted behaviour {behavior.Kind}.");
        }
    }

    private static async Task RespondAsync(HttpContext context, ScriptedResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = response.BodyBytes ?? Encoding.UTF8.GetBytes(response.Body);
        if (response.Chunked)
        {
            // Two writes with a flush between them force chunked transfer encoding.
            var half = bytes.Length / 2;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.WriteAsync(bytes.AsMemory(half), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task HangAsync(HttpContext context)
    {
        using var release = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, release.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Released: the client went away or the server is stopping.
        }

        context.Abort();
    }
}
