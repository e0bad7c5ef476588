using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>Graph <c>complianceInformation</c>: a certification (for example ISO 27001:2013) and the controls of it a Secure Score control supports.</summary>
internal sealed class ComplianceInformation : IParsable, IAdditionalDataHolder
{
    public string? CertificationName { get; set; }

    public List<CertificationControl> CertificationControls { get; set; } = [];

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static ComplianceInformation CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new ComplianceInformation();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["certificationName"] = n => CertificationName = LenientParseNode.Text(n),
        ["certificationControls"] = n => CertificationControls = LenientParseNode.Objects(n, CertificationControl.CreateFromDiscriminatorValue),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("certificationName", CertificationName);
        writer.WriteCollectionOfObjectValues("certificationControls", CertificationControls);
        writer.WriteAdditionalData(AdditionalData);
    }
}
