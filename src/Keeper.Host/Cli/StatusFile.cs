using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>Writes a node's status as JSON to a file, atomically (write aside, then rename), for the devnet and scripts.</summary>
public static class StatusFile
{
    /// <summary>JSON options shared by the status file and its readers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the status.</summary>
    public static Task WriteAsync(string path, NodeStatus status, CancellationToken cancellationToken) => WriteAsync(path, status, null, cancellationToken);

    /// <summary>Writes the status and the HTTP address the node serves its API on (the field <c>http</c>, read by <see cref="TryReadHttp"/>).</summary>
    public static async Task WriteAsync(string path, NodeStatus status, Uri? http, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToNode(status, Json)!.AsObject();
        if (http is not null)
        {
            json["http"] = http.ToString();
        }

        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, json.ToJsonString(Json), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a status written by <see cref="WriteAsync(string, NodeStatus, Uri?, CancellationToken)"/>; null if there is none yet.</summary>
    public static NodeStatus? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<NodeStatus>(File.ReadAllText(path), Json) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Reads the HTTP address from a status written by <see cref="WriteAsync(string, NodeStatus, Uri?, CancellationToken)"/>; null if there is none yet.</summary>
    public static Uri? TryReadHttp(string path)
    {
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["http"]?.GetValue<string>() is { } url ? new Uri(url) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
