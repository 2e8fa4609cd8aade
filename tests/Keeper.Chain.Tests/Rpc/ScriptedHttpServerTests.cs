using System.Text;
using Keeper.Testing.Http;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class ScriptedHttpServerTests
{
    [Fact]
    public async Task DisposeAsync_WithHangingRequest_StopsPromptlyAndTheClientSeesAFailure()
    {
        var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Hang());
        using var http = new HttpClient();
        var pending = http.PostAsync(server.Url, new StringContent("{}"));
        await server.WaitForRequestAsync(1, Patience);

        await server.DisposeAsync().AsTask().Within();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending).Within();
    }

    [Fact]
    public async Task Respond_ScriptedResponses_AreSentInOrderAndRequestsRecorded()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(429, "later", ("Retry-After", "5")), ScriptedBehavior.Json("""{"ok":true}"""));
        using var http = new HttpClient();

        using var first = await http.PostAsync(new Uri(server.Url, "a?b=c"), new StringContent("one", Encoding.UTF8)).Within();
        using var second = await http.PostAsync(server.Url, new StringContent("two", Encoding.UTF8)).Within();
        using var third = await http.PostAsync(server.Url, new StringContent("three", Encoding.UTF8)).Within();

        Assert.Equal(429, (int)first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), first.Headers.RetryAfter?.Delta);
        Assert.Equal("""{"ok":true}""", await second.Content.ReadAsStringAsync());
        Assert.Equal(500, (int)third.StatusCode);
        Assert.Equal(["one", "two", "three"], server.Requests.Select(r => r.Body));
        Assert.Equal("/a?b=c", server.Requests[0].PathAndQuery);
        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.Number));
    }

    [Fact]
    public async Task Abort_ClosesTheConnectionWithoutResponse()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Abort());
        using var http = new HttpClient();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync(server.Url, new StringContent("{}"))).Within();
    }

    [Fact]
    public async Task ClosedPortUrl_RefusesConnections()
    {
        using var http = new HttpClient();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(ScriptedHttpServer.ClosedPortUrl())).Within();
    }

    [Fact]
    public async Task Url_IsLoopback()
    {
        await using var server = await ScriptedHttpServer.StartAsync();

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.NotEqual(0, server.Url.Port);
    }
}
