using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>Graph <c>certificationControl</c>: one control of a compliance certification (name and optional URL).</summary>
internal sealed class CertificationControl : IParsable, IAdditionalDataHolder
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static CertificationControl CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new CertificationControl();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["name"] = n => Name = LenientParseNode.Text(n),
        ["url"] = n => Url = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("name", Name);
        writer.WriteStringValue("url", Url);
        writer.WriteAdditionalData(AdditionalData);
    }
}
