using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>Graph <c>securityVendorInformation</c>: who produced a security record.</summary>
internal sealed class SecurityVendorInformation : IParsable, IAdditionalDataHolder
{
    public string? Provider { get; set; }

    public string? ProviderVersion { get; set; }

    public string? SubProvider { get; set; }

    public string? Vendor { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecurityVendorInformation CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecurityVendorInformation();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["provider"] = n => Provider = LenientParseNode.Text(n),
        ["providerVersion"] = n => ProviderVersion = LenientParseNode.Text(n),
        ["subProvider"] = n => SubProvider = LenientParseNode.Text(n),
        ["vendor"] = n => Vendor = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("provider", Provider);
        writer.WriteStringValue("providerVersion", ProviderVersion);
        writer.WriteStringValue("subProvider", SubProvider);
        writer.WriteStringValue("vendor", Vendor);
        writer.WriteAdditionalData(AdditionalData);
    }
}
