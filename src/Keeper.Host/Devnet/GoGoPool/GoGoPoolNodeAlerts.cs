namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>One node's GoGoPool alerts at the end of a devnet run, compared with the plan by kind and node ID (<see cref="GoGoPoolAlertKeys.Identity"/>).</summary>
/// <param name="Id">The node's id.</param>
/// <param name="Raised">Alerts raised since the node started, by kind (its <c>raised</c>).</param>
/// <param name="Alerts">The keys of its alerts (its <c>alerts</c>).</param>
/// <param name="Missing">Expected alerts it does not hold.</param>
/// <param name="Unexpected">Alerts it holds that the plan does not expect (a control that raised one, or a minipool alerted twice).</param>
/// <param name="Error">Why its alerts could not be read, or null.</param>
public sealed record GoGoPoolNodeAlerts(
    string Id, IReadOnlyDictionary<string, int> Raised, IReadOnlyList<string> Alerts, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected, string? Error = null)
{
    /// <summary>
    /// Compares a node's <c>GET /api/gogopool</c> answer (<paramref name="json"/>) with <paramref name="expected"/> keys.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The answer is not the API's JSON.</exception>
    /// <exception cref="InvalidOperationException">It lacks <c>raised</c> or <c>alerts</c>.</exception>
    public static GoGoPoolNodeAlerts From(string id, string json, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("raised", out var raisedElement) || !root.TryGetProperty("alerts", out var alertsElement))
        {
            throw new InvalidOperationException($"{id}'s /api/gogopool answer has no \"raised\" or no \"alerts\"; is the node's keeper.gogopool section enabled?");
        }

        var raised = GoGoPoolAlertKind.All.ToDictionary(k => k, k => raisedElement.TryGetProperty(k, out var n) ? n.GetInt32() : 0, StringComparer.Ordinal);
        var alerts = alertsElement.EnumerateArray().Select(a => a.GetProperty("key").GetString() ?? string.Empty).ToArray();
        var held = alerts.GroupBy(GoGoPoolAlertKeys.Identity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wanted = expected.Select(GoGoPoolAlertKeys.Identity).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(k => !held.ContainsKey(GoGoPoolAlertKeys.Identity(k))).ToArray();
        var unexpected = alerts.Where(k => !wanted.Contains(GoGoPoolAlertKeys.Identity(k)) || held[GoGoPoolAlertKeys.Identity(k)] > 1).ToArray();
        return new GoGoPoolNodeAlerts(id, raised, alerts, missing, unexpected);
    }

    /// <summary>A node whose alerts could not be read, with why.</summary>
    public static GoGoPoolNodeAlerts Unreadable(string id, string error) => new(id, new Dictionary<string, int>(), [], [], [], error);
}
