using System.Text;

namespace Keeper.Actors.Runtime;

/// <summary>
/// Where an actor lives in its system's tree: <c>keeper://{system}/user/{name}/{child}</c>. Paths compare by their
/// elements. The text form is built on demand so that idle actors do not each hold a long string.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private const string Scheme = "keeper://";

    private ActorPath(string systemName, ActorPath? parent, string name, int depth)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
        Depth = depth;
    }

    /// <summary>The name of the actor system.</summary>
    public string SystemName { get; }

    /// <summary>The parent path; null only for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element (the actor's name); empty for the root.</summary>
    public string Name { get; }

    /// <summary>The number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The root path of a system.</summary>
    public static ActorPath Root(string systemName) => new(systemName, null, string.Empty, 0);

    /// <summary>The path of a child of this path.</summary>
    public ActorPath Child(string name) => new(SystemName, this, name, Depth + 1);

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Depth != Depth || other.SystemName != SystemName)
        {
            return false;
        }

        for (ActorPath? a = this, b = other; a is not null && b is not null; a = a.Parent, b = b.Parent)
        {
            if (a.Name != b.Name)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SystemName);
        for (var p = this; p is not null; p = p.Parent)
        {
            hash.Add(p.Name);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var names = new string[Depth];
        var p = this;
        for (var i = Depth - 1; i >= 0; i--)
        {
            names[i] = p!.Name;
            p = p.Parent;
        }

        var text = new StringBuilder(Scheme).Append(SystemName);
        foreach (var name in names)
        {
            text.Append('/').Append(name);
        }

        return text.ToString();
    }
}
