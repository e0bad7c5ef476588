using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>One page of an OData collection: <c>value</c> plus <c>@odata.nextLink</c> when more pages follow.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface ICollectionPage<T>
{
    List<T> Value { get; }

    string? OdataNextLink { get; }
}

/// <summary>A page of <c>GET /security/secureScores</c>.</summary>
internal sealed class SecureScoreCollectionResponse : IParsable, IAdditionalDataHolder, ICollectionPage<SecureScore>
{
    public string? OdataContext { get; set; }

    public string? OdataNextLink { get; set; }

    public List<SecureScore> Value { get; set; } = [];

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecureScoreCollectionResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreCollectionResponse();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["@odata.context"] = n => OdataContext = n.GetStringValue(),
        ["@odata.nextLink"] = n => OdataNextLink = n.GetStringValue(),
        ["value"] = n => Value = LenientParseNode.Objects(n, SecureScore.CreateFromDiscriminatorValue),
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

/// <summary>A page of <c>GET /security/secureScoreControlProfiles</c>.</summary>
internal sealed class SecureScoreControlProfileCollectionResponse : IParsable, IAdditionalDataHolder, ICollectionPage<SecureScoreControlProfile>
{
    public string? OdataContext { get; set; }

    public string? OdataNextLink { get; set; }

    public List<SecureScoreControlProfile> Value { get; set; } = [];

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecureScoreControlProfileCollectionResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreControlProfileCollectionResponse();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["@odata.context"] = n => OdataContext = n.GetStringValue(),
        ["@odata.nextLink"] = n => OdataNextLink = n.GetStringValue(),
        ["value"] = n => Value = LenientParseNode.Objects(n, SecureScoreControlProfile.CreateFromDiscriminatorValue),
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
