using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Graph <c>secureScore</c>: a tenant's Secure Score on one day (one record per day, newest first).
/// Scores are in Secure Score points; <see cref="MaxScore"/> is the most the tenant can reach with its
/// licences. Unreadable values (placeholders, numbers as strings that do not parse) read as
/// <see langword="null"/>; <c>enabledServices</c> written as a single string reads as one service.
/// </summary>
internal sealed class SecureScore : IParsable, IAdditionalDataHolder
{
    public string? Id { get; set; }

    public string? AzureTenantId { get; set; }

    public int? ActiveUserCount { get; set; }

    public DateTimeOffset? CreatedDateTime { get; set; }

    public double? CurrentScore { get; set; }

    public List<string> EnabledServices { get; set; } = [];

    public int? LicensedUserCount { get; set; }

    public double? MaxScore { get; set; }

    public List<AverageComparativeScore> AverageComparativeScores { get; set; } = [];

    public List<ControlScore> ControlScores { get; set; } = [];

    public SecurityVendorInformation? VendorInformation { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecureScore CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScore();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["id"] = n => Id = LenientParseNode.Text(n),
        ["azureTenantId"] = n => AzureTenantId = LenientParseNode.Text(n),
        ["activeUserCount"] = n => ActiveUserCount = LenientParseNode.Int32(n),
        ["createdDateTime"] = n => CreatedDateTime = LenientParseNode.DateTime(n),
        ["currentScore"] = n => CurrentScore = LenientParseNode.Double(n),
        ["enabledServices"] = n => EnabledServices = LenientParseNode.Strings(n),
        ["licensedUserCount"] = n => LicensedUserCount = LenientParseNode.Int32(n),
        ["maxScore"] = n => MaxScore = LenientParseNode.Double(n),
        ["averageComparativeScores"] = n => AverageComparativeScores = LenientParseNode.Objects(n, AverageComparativeScore.CreateFromDiscriminatorValue),
        ["controlScores"] = n => ControlScores = LenientParseNode.Objects(n, ControlScore.CreateFromDiscriminatorValue),
        ["vendorInformation"] = n => VendorInformation = n.GetObjectValue(SecurityVendorInformation.CreateFromDiscriminatorValue),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("azureTenantId", AzureTenantId);
        writer.WriteIntValue("activeUserCount", ActiveUserCount);
        writer.WriteDateTimeOffsetValue("createdDateTime", CreatedDateTime);
        writer.WriteDoubleValue("currentScore", CurrentScore);
        writer.WriteCollectionOfPrimitiveValues("enabledServices", EnabledServices);
        writer.WriteIntValue("licensedUserCount", LicensedUserCount);
        writer.WriteDoubleValue("maxScore", MaxScore);
        writer.WriteCollectionOfObjectValues("averageComparativeScores", AverageComparativeScores);
        writer.WriteCollectionOfObjectValues("controlScores", ControlScores);
        writer.WriteObjectValue("vendorInformation", VendorInformation);
        writer.WriteAdditionalData(AdditionalData);
    }
}
