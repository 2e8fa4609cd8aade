using System.Globalization;

namespace Keeper.Actors.Runtime;

/// <summary>
/// A cell's children by name. Guarded by a lock because the user guardian's children are created from any
/// thread (<c>system.ActorOf</c>); a name stays taken until the child has finished stopping.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ActorCell> _byName = new(StringComparer.Ordinal);
    private long _nextName;

    public Lock Gate { get; } = new();

    /// <summary>Set under <see cref="Gate"/> when the parent starts stopping: no child may be added after that.</summary>
    public bool Terminating { get; set; }

    public int Count => _byName.Count;

    public IEnumerable<ActorCell> Cells => _byName.Values;

    public string NextName() => "$" + (++_nextName).ToString(CultureInfo.InvariantCulture);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out ActorCell? cell) => _byName.TryGetValue(name, out cell);

    public void Add(string name, ActorCell cell) => _byName.Add(name, cell);

    public bool Remove(ActorCell cell) =>
        _byName.TryGetValue(cell.Path.Name, out var current) && ReferenceEquals(current, cell) && _byName.Remove(cell.Path.Name);
}
