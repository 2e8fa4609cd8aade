namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>Reads each devnet node's GoGoPool alerts from its status API (<c>GET /api/gogopool</c>).</summary>
public static class GoGoPoolAlertReader
{
    /// <summary>Reads every node's alerts and builds the report's <c>gogopool</c> object; a node that cannot answer is reported with why, not thrown.</summary>
    public static async Task<GoGoPoolReport> ReadAsync(GoGoPoolSeedPlan plan, IReadOnlyList<NodeProcess> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nodes);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var expected = plan.ExpectedAlertKeys;
        var read = new List<GoGoPoolNodeAlerts>();
        foreach (var node in nodes)
        {
            if (!node.Dashboard.IsCompletedSuccessfully)
            {
                read.Add(GoGoPoolNodeAlerts.Unreadable(node.Id, "its status API never listened"));
                continue;
            }

            var url = new Uri(node.Dashboard.Result, "api/gogopool");
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                read.Add(response.IsSuccessStatusCode
                    ? GoGoPoolNodeAlerts.From(node.Id, body, expected)
                    : GoGoPoolNodeAlerts.Unreadable(node.Id, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}"));
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                read.Add(GoGoPoolNodeAlerts.Unreadable(node.Id, $"GET {url}: {e.Message}"));
            }
        }

        return new GoGoPoolReport(GoGoPoolDevnet.ChainId, plan.ByStatus, expected, read);
    }
}
