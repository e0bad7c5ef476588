using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Models;

/// <summary>
/// An Azure Resource Manager resource (<c>id</c>, <c>name</c>, <c>type</c>, <c>properties</c>), as the REST API
/// returns it and as a Resource Graph row projects it (with <c>subscriptionId</c>). Properties are parsed
/// by name, in any key order; undocumented properties are ignored.
/// </summary>
/// <typeparam name="TProperties">The model of <c>properties</c>.</typeparam>
internal sealed class ArmResource<TProperties> : IParsable
    where TProperties : class, IParsable
{
    private readonly ParsableFactory<TProperties> _propertiesFactory;

    public ArmResource(ParsableFactory<TProperties> propertiesFactory) => _propertiesFactory = propertiesFactory;

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }

    /// <summary>The subscription id (Resource Graph rows only).</summary>
    public string? SubscriptionId { get; set; }

    public TProperties? Properties { get; set; }

    public static ParsableFactory<ArmResource<TProperties>> Factory(ParsableFactory<TProperties> propertiesFactory)
        => _ => new ArmResource<TProperties>(propertiesFactory);

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["id"] = n => Id = LenientParseNode.Text(n),
        ["name"] = n => Name = LenientParseNode.Text(n),
        ["type"] = n => Type = LenientParseNode.Text(n),
        ["subscriptionId"] = n => SubscriptionId = LenientParseNode.Text(n),
        ["properties"] = n => Properties = n.GetObjectValue(_propertiesFactory),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("name", Name);
        writer.WriteStringValue("type", Type);
        writer.WriteStringValue("subscriptionId", SubscriptionId);
        writer.WriteObjectValue("properties", Properties);
    }
}

/// <summary>One page of an ARM list: <c>value</c> plus <c>nextLink</c> when more pages follow.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ArmPage<T> : IParsable
    where T : IParsable
{
    private readonly ParsableFactory<T> _itemFactory;

    public ArmPage(ParsableFactory<T> itemFactory) => _itemFactory = itemFactory;

    public List<T> Value { get; set; } = [];

    public string? NextLink { get; set; }

    /// <summary>Whether the body had a <c>value</c> array (a body without it is not a list page).</summary>
    public bool HasValue { get; set; }

    public static ParsableFactory<ArmPage<T>> Factory(ParsableFactory<T> itemFactory) => _ => new ArmPage<T>(itemFactory);

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["value"] = n =>
        {
            Value = LenientParseNode.Objects(n, _itemFactory);
            HasValue = true;
        },
        ["nextLink"] = n => NextLink = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCollectionOfObjectValues("value", Value);
        writer.WriteStringValue("nextLink", NextLink);
    }
}

/// <summary>A properties bag that reads nothing (for rows whose properties are not needed).</summary>
internal sealed class NoProperties : IParsable
{
    public static NoProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();

    public void Serialize(ISerializationWriter writer)
    {
    }
}
