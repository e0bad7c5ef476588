using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Graph <c>secureScoreControlProfile</c>: the definition of one Secure Score control (title, category,
/// points, remediation, threats, tier, the tenant's state updates). <see cref="Id"/> equals the
/// <c>controlName</c> of the matching <see cref="ControlScore"/>. <see cref="Remediation"/> may contain
/// HTML. Placeholder values (the beta examples) read as <see langword="null"/> where a date or number belongs.
/// </summary>
internal sealed class SecureScoreControlProfile : IParsable, IAdditionalDataHolder
{
    public string? Id { get; set; }

    public string? AzureTenantId { get; set; }

    public string? ActionType { get; set; }

    public string? ActionUrl { get; set; }

    public string? ControlCategory { get; set; }

    public string? Title { get; set; }

    public bool? Deprecated { get; set; }

    public string? ImplementationCost { get; set; }

    public DateTimeOffset? LastModifiedDateTime { get; set; }

    public double? MaxScore { get; set; }

    public int? Rank { get; set; }

    public string? Remediation { get; set; }

    public string? RemediationImpact { get; set; }

    public string? Service { get; set; }

    public List<string> Threats { get; set; } = [];

    public string? Tier { get; set; }

    public string? UserImpact { get; set; }

    public List<ComplianceInformation> ComplianceInformation { get; set; } = [];

    public List<SecureScoreControlStateUpdate> ControlStateUpdates { get; set; } = [];

    public SecurityVendorInformation? VendorInformation { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecureScoreControlProfile CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreControlProfile();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["id"] = n => Id = LenientParseNode.Text(n),
        ["azureTenantId"] = n => AzureTenantId = LenientParseNode.Text(n),
        ["actionType"] = n => ActionType = LenientParseNode.Text(n),
        ["actionUrl"] = n => ActionUrl = LenientParseNode.Text(n),
        ["controlCategory"] = n => ControlCategory = LenientParseNode.Text(n),
        ["title"] = n => Title = LenientParseNode.Text(n),
        ["deprecated"] = n => Deprecated = LenientParseNode.Boolean(n),
        ["implementationCost"] = n => ImplementationCost = LenientParseNode.Text(n),
        ["lastModifiedDateTime"] = n => LastModifiedDateTime = LenientParseNode.DateTime(n),
        ["maxScore"] = n => MaxScore = LenientParseNode.Double(n),
        ["rank"] = n => Rank = LenientParseNode.Int32(n),
        ["remediation"] = n => Remediation = LenientParseNode.Text(n),
        ["remediationImpact"] = n => RemediationImpact = LenientParseNode.Text(n),
        ["service"] = n => Service = LenientParseNode.Text(n),
        ["threats"] = n => Threats = LenientParseNode.Strings(n),
        ["tier"] = n => Tier = LenientParseNode.Text(n),
        ["userImpact"] = n => UserImpact = LenientParseNode.Text(n),
        ["complianceInformation"] = n => ComplianceInformation = LenientParseNode.Objects(n, Models.ComplianceInformation.CreateFromDiscriminatorValue),
        ["controlStateUpdates"] = n => ControlStateUpdates = LenientParseNode.Objects(n, SecureScoreControlStateUpdate.CreateFromDiscriminatorValue),
        ["vendorInformation"] = n => VendorInformation = n.GetObjectValue(SecurityVendorInformation.CreateFromDiscriminatorValue),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("azureTenantId", AzureTenantId);
        writer.WriteStringValue("actionType", ActionType);
        writer.WriteStringValue("actionUrl", ActionUrl);
        writer.WriteStringValue("controlCategory", ControlCategory);
        writer.WriteStringValue("title", Title);
        writer.WriteBoolValue("deprecated", Deprecated);
        writer.WriteStringValue("implementationCost", ImplementationCost);
        writer.WriteDateTimeOffsetValue("lastModifiedDateTime", LastModifiedDateTime);
        writer.WriteDoubleValue("maxScore", MaxScore);
        writer.WriteIntValue("rank", Rank);
        writer.WriteStringValue("remediation", Remediation);
        writer.WriteStringValue("remediationImpact", RemediationImpact);
        writer.WriteStringValue("service", Service);
        writer.WriteCollectionOfPrimitiveValues("threats", Threats);
        writer.WriteStringValue("tier", Tier);
        writer.WriteStringValue("userImpact", UserImpact);
        writer.WriteCollectionOfObjectValues("complianceInformation", ComplianceInformation);
        writer.WriteCollectionOfObjectValues("controlStateUpdates", ControlStateUpdates);
        writer.WriteObjectValue("vendorInformation", VendorInformation);
        writer.WriteAdditionalData(AdditionalData);
    }
}
