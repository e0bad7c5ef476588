using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Graph <c>averageComparativeScore</c>: the average Secure Score of a comparison group (all tenants,
/// tenants of similar seat size, the same industry). Graph writes <c>-1</c> when it has no average;
/// that, and any negative or unreadable number, reads as <see langword="null"/>. The per-category
/// averages and seat-size range are beta properties, often written as strings.
/// </summary>
internal sealed class AverageComparativeScore : IParsable, IAdditionalDataHolder
{
    public string? Basis { get; set; }

    public double? AverageScore { get; set; }

    public double? AppsScore { get; set; }

    public double? DataScore { get; set; }

    public double? DeviceScore { get; set; }

    public double? IdentityScore { get; set; }

    public double? InfrastructureScore { get; set; }

    public long? SeatSizeRangeLowerValue { get; set; }

    public long? SeatSizeRangeUpperValue { get; set; }

    public string? CategoryValue { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static AverageComparativeScore CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new AverageComparativeScore();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["basis"] = n => Basis = LenientParseNode.Text(n),
        ["averageScore"] = n => AverageScore = Score(n),
        ["appsScore"] = n => AppsScore = Score(n),
        ["dataScore"] = n => DataScore = Score(n),
        ["deviceScore"] = n => DeviceScore = Score(n),
        ["identityScore"] = n => IdentityScore = Score(n),
        ["infrastructureScore"] = n => InfrastructureScore = Score(n),
        ["seatSizeRangeLowerValue"] = n => SeatSizeRangeLowerValue = LenientParseNode.Int64(n),
        ["seatSizeRangeUpperValue"] = n => SeatSizeRangeUpperValue = LenientParseNode.Int64(n),
        ["categoryValue"] = n => CategoryValue = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("basis", Basis);
        writer.WriteDoubleValue("averageScore", AverageScore);
        writer.WriteDoubleValue("appsScore", AppsScore);
        writer.WriteDoubleValue("dataScore", DataScore);
        writer.WriteDoubleValue("deviceScore", DeviceScore);
        writer.WriteDoubleValue("identityScore", IdentityScore);
        writer.WriteDoubleValue("infrastructureScore", InfrastructureScore);
        writer.WriteLongValue("seatSizeRangeLowerValue", SeatSizeRangeLowerValue);
        writer.WriteLongValue("seatSizeRangeUpperValue", SeatSizeRangeUpperValue);
        writer.WriteStringValue("categoryValue", CategoryValue);
        writer.WriteAdditionalData(AdditionalData);
    }

    private static double? Score(IParseNode node) => LenientParseNode.Double(node) is { } value && value >= 0 ? value : null;
}
