using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Graph <c>controlScore</c>: a tenant's score on one control on one day. <c>controlName</c> joins to
/// <see cref="SecureScoreControlProfile.Id"/>. <c>count</c> and <c>total</c> (how many entities are
/// compliant, of how many) are not in the v1.0 schema but real responses carry them, as strings;
/// other undocumented properties (<c>scoreInPercentage</c>, <c>implementationStatus</c>,
/// <c>lastSynced</c>…) stay in <see cref="AdditionalData"/>.
/// </summary>
internal sealed class ControlScore : IParsable, IAdditionalDataHolder
{
    public string? ControlCategory { get; set; }

    public string? ControlName { get; set; }

    public string? Description { get; set; }

    public double? Score { get; set; }

    public long? Count { get; set; }

    public long? Total { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static ControlScore CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new ControlScore();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["controlCategory"] = n => ControlCategory = LenientParseNode.Text(n),
        ["controlName"] = n => ControlName = LenientParseNode.Text(n),
        ["description"] = n => Description = LenientParseNode.Text(n),
        ["score"] = n => Score = LenientParseNode.Double(n),
        ["count"] = n => Count = LenientParseNode.Int64(n),
        ["total"] = n => Total = LenientParseNode.Int64(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("controlCategory", ControlCategory);
        writer.WriteStringValue("controlName", ControlName);
        writer.WriteStringValue("description", Description);
        writer.WriteDoubleValue("score", Score);
        writer.WriteLongValue("count", Count);
        writer.WriteLongValue("total", Total);
        writer.WriteAdditionalData(AdditionalData);
    }
}
