using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Graph <c>secureScoreControlStateUpdate</c>: a change of a control's state made by the tenant
/// (<c>Default</c>, <c>Ignored</c>, <c>ThirdParty</c>, <c>Reviewed</c>). A placeholder date reads as
/// <see langword="null"/>.
/// </summary>
internal sealed class SecureScoreControlStateUpdate : IParsable, IAdditionalDataHolder
{
    public string? AssignedTo { get; set; }

    public string? Comment { get; set; }

    public string? State { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedDateTime { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static SecureScoreControlStateUpdate CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new SecureScoreControlStateUpdate();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["assignedTo"] = n => AssignedTo = LenientParseNode.Text(n),
        ["comment"] = n => Comment = LenientParseNode.Text(n),
        ["state"] = n => State = LenientParseNode.Text(n),
        ["updatedBy"] = n => UpdatedBy = LenientParseNode.Text(n),
        ["updatedDateTime"] = n => UpdatedDateTime = LenientParseNode.DateTime(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("assignedTo", AssignedTo);
        writer.WriteStringValue("comment", Comment);
        writer.WriteStringValue("state", State);
        writer.WriteStringValue("updatedBy", UpdatedBy);
        writer.WriteDateTimeOffsetValue("updatedDateTime", UpdatedDateTime);
        writer.WriteAdditionalData(AdditionalData);
    }
}
