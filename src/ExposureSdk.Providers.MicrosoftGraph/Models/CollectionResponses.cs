using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>One page of an OData collection: <c>value</c> plus <c>@odata.nextLink</c> when more pages follow.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface ICollectionPage<T>
{
    List<T> Value { get; }

    string? OdataNextLink { get; }
}

/// <summary>
/// The Kiota model of one OData collection page (<c>@odata.context</c>, <c>@odata.nextLink</c>, <c>value</c>,
/// undocumented properties kept in <see cref="AdditionalData"/>); each endpoint's page derives from it and
/// names its item factory.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class CollectionPage<T> : IParsable, IAdditionalDataHolder, ICollectionPage<T>
    where T : IParsable
{
    private readonly ParsableFactory<T> _itemFactory;

    protected CollectionPage(ParsableFactory<T> itemFactory) => _itemFactory = itemFactory;

    public string? OdataContext { get; set; }

    public string? OdataNextLink { get; set; }

    public List<T> Value { get; set; } = [];

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["@odata.context"] = n => OdataContext = n.GetStringValue(),
        ["@odata.nextLink"] = n => OdataNextLink = n.GetStringValue(),
        ["value"] = n => Value = LenientParseNode.Objects(n, _itemFactory),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("@odata.context", OdataContext);
        writer.WriteStringValue("@odata.nextLink", OdataNextLink);
        writer.WriteCollectionOfObjectValues("value", Value);
        writer.WriteAdditionalData(AdditionalData);
    }
}

/// <summary>A page of <c>GET /security/secureScores</c>.</summary>
internal sealed class SecureScoreCollectionResponse() : CollectionPage<SecureScore>(SecureScore.CreateFromDiscriminatorValue)
{
    public static SecureScoreCollectionResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreCollectionResponse();
    }
}

/// <summary>A page of <c>GET /security/secureScoreControlProfiles</c>.</summary>
internal sealed class SecureScoreControlProfileCollectionResponse() : CollectionPage<SecureScoreControlProfile>(SecureScoreControlProfile.CreateFromDiscriminatorValue)
{
    public static SecureScoreControlProfileCollectionResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreControlProfileCollectionResponse();
    }
}
