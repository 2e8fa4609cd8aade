using System.Text.Json;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>Writes a node's status as JSON to a file, atomically (write aside, then rename), for the devnet and scripts.</summary>
public static class StatusFile
{
    /// <summary>JSON options shared by the status file and its readers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the status.</summary>
    public static async Task WriteAsync(string path, NodeStatus status, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(status, Json), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a status written by <see cref="WriteAsync"/>; null if there is none yet.</summary>
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
}
