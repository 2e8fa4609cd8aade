using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keeper.Host.Http;

/// <summary>The JSON API under <c>/api</c>: read-only views of the node, never a secret.</summary>
public static class KeeperApi
{
    /// <summary>Maps <c>/api/status</c>, <c>/api/pools</c>, <c>/api/duties</c>, <c>/api/transactions</c>, <c>/api/members</c>, <c>/api/own</c> and <c>/api/operators</c>.</summary>
    public static IEndpointRouteBuilder MapKeeperApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/status", (INodeView node, TimeProvider time, CancellationToken ct) => AnswerAsync(async () => Status(await node.GetStatusAsync(ct), time)));
        api.MapGet("/pools", (INodeView node, CancellationToken ct) =>
            AnswerAsync(async () => ApiViews.Pools(await node.GetStatusAsync(ct), await node.GetDutiesAsync(ct))));
        api.MapGet("/duties", (INodeView node, CancellationToken ct) =>
            AnswerAsync(async () => ApiViews.Duties(await node.GetDutiesAsync(ct), await node.GetGateStatusAsync(ct))));
        api.MapGet("/transactions", (INodeView node, CancellationToken ct) =>
            AnswerAsync(async () => ApiViews.Transactions(await node.GetSubmitterStatusAsync(ct))));
        api.MapGet("/members", (INodeView node, CancellationToken ct) =>
            AnswerAsync(async () => ApiViews.Members(await node.GetStatusAsync(ct), await node.GetGateStatusAsync(ct), await node.GetClusterMembersAsync(ct))));
        api.MapGet("/own", (INodeView node, CancellationToken ct) => AnswerAsync(async () => ApiViews.Own(await node.GetOwnStatusAsync(ct))));
        api.MapGet("/operators", (INodeView node, CancellationToken ct) => AnswerAsync(async () => ApiViews.Operators(await node.GetOperatorsAsync(ct))));
        return endpoints;
    }

    // NodeStatus as it is (keeper status and scripts read it), plus the head's lag behind this host's clock.
    private static JsonObject Status(Node.NodeStatus status, TimeProvider time)
    {
        var json = JsonSerializer.SerializeToNode(status, HttpJson.Options)!.AsObject();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        json["headLagSeconds"] = status.Ready ? Math.Max(0, now - (long)status.HeadTimestamp) : null;
        json["serverTime"] = now;
        return json;
    }

    private static async Task<IResult> AnswerAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return Results.Json(await read(), HttpJson.Options);
        }
        catch (AskTimeoutException)
        {
            return Results.Json(new { error = "the node did not answer in time; it may be overloaded or stopping" }, HttpJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
