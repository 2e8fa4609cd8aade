namespace Keeper.Host.Configuration.Hocon;

/// <summary>An object: fields in the order they were first defined.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    /// <summary>Creates an empty object written at <paramref name="origin"/>.</summary>
    public HoconObject(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <summary>The keys in definition order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The number of fields.</summary>
    public int Count => _keys.Count;

    /// <summary>The fields in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields =>
        _keys.Select(key => new KeyValuePair<string, HoconValue>(key, _fields[key]));

    /// <inheritdoc/>
    public override bool IsResolved => _fields.Values.All(value => value.IsResolved);

    /// <inheritdoc/>
    public override string KindName => "an object";

    /// <summary>The value of <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <summary>Sets a field, keeping its position if it already exists. Only the parser and resolver build objects.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }
}
