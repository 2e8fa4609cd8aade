using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keeper.Host.Http;

/// <summary>The JSON API under <c>/api</c>: read-only views of the node, never a secret.</summary>
public static class KeeperApi
{
    /// <summary>
    /// Maps <c>/api/status</c>, <c>/api/pools</c>, <c>/api/duties</c>, <c>/api/transactions</c>, <c>/api/members</c>,
    /// <c>/api/own</c>, <c>/api/balance</c>, <c>/api/history</c>, <c>/api/operators</c> and <c>/api/gogopool</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapKeeperApi(this IEndpointRouteBuilder endpoints)
    {
        // Every view reads the node's board, never an actor: the API answers at once whatever the chain does.
        var api = endpoints.MapGroup("/api");
        api.MapGet("/status", (INodeView node, Readiness readiness, TimeProvider time) => Results.Json(Status(node, readiness, time), HttpJson.Options));
        api.MapGet("/pools", (INodeView node) => Results.Json(ApiViews.Pools(node.Status, node.Duties), HttpJson.Options));
        api.MapGet("/duties", (INodeView node) => Results.Json(ApiViews.Duties(node.Duties, node.Gate), HttpJson.Options));
        api.MapGet("/transactions", (INodeView node) => Results.Json(ApiViews.Transactions(node.Submitter), HttpJson.Options));
        api.MapGet("/members", (INodeView node) => Results.Json(ApiViews.Members(node.Status, node.Gate, node.Cluster), HttpJson.Options));
        api.MapGet("/own", (INodeView node) => Results.Json(ApiViews.Own(node.Own), HttpJson.Options));
        api.MapGet("/balance", (INodeView node) => node.Balance is { } balance
            ? Results.Json(MoneyViews.Balance(balance), HttpJson.Options)
            : Results.Json(new { error = "the signer's balance has not been read yet" }, HttpJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable));
        api.MapGet("/history", (INodeView node, TimeProvider time, string? since, string? until, int? limit, CancellationToken ct) =>
            HistoryApi.AnswerAsync(node, time, since, until, limit, ct));
        api.MapGet("/operators", (INodeView node) => Results.Json(ApiViews.Operators(node.Operators), HttpJson.Options));
        api.MapGet("/gogopool", (INodeView node) => Results.Json(GoGoPoolView.Of(node.GoGoPool), HttpJson.Options));
        return endpoints;
    }

    // NodeStatus as it is (keeper status and scripts read it), plus the head's lag behind this host's clock, why the node
    // is not ready, each RPC endpoint's health and how fresh each part's answer is.
    private static JsonObject Status(INodeView node, Readiness readiness, TimeProvider time)
    {
        var status = node.Status;
        var json = JsonSerializer.SerializeToNode(status, HttpJson.Options)!.AsObject();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        json["headLagSeconds"] = status.Ready ? Math.Max(0, now - (long)status.HeadTimestamp) : null;
        json["serverTime"] = now;
        json["chainTip"] = node.Watcher.ChainTip;
        json["notReady"] = JsonSerializer.SerializeToNode(readiness.NotReadyReasons(), HttpJson.Options);
        json["rpc"] = JsonSerializer.SerializeToNode(node.RpcEndpoints, HttpJson.Options);
        json["parts"] = JsonSerializer.SerializeToNode(node.Parts.Select(p => new { part = p.Part.ToString().ToLowerInvariant(), p.AnsweredAt, p.WaitingSince }), HttpJson.Options);
        return json;
    }
}
