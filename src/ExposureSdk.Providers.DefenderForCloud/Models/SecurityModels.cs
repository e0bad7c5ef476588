using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Models;

/// <summary>An entry of <c>GET /subscriptions</c> (api-version 2022-12-01).</summary>
internal sealed class ArmSubscription : IParsable
{
    public string? Id { get; set; }

    public string? SubscriptionId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Enabled, Warned, PastDue, Disabled or Deleted.</summary>
    public string? State { get; set; }

    public string? TenantId { get; set; }

    public static ArmSubscription Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["id"] = n => Id = LenientParseNode.Text(n),
        ["subscriptionId"] = n => SubscriptionId = LenientParseNode.Text(n),
        ["displayName"] = n => DisplayName = LenientParseNode.Text(n),
        ["state"] = n => State = LenientParseNode.Text(n),
        ["tenantId"] = n => TenantId = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("subscriptionId", SubscriptionId);
        writer.WriteStringValue("displayName", DisplayName);
        writer.WriteStringValue("state", State);
        writer.WriteStringValue("tenantId", TenantId);
    }
}

/// <summary>The <c>properties</c> of <c>Microsoft.Security/assessmentMetadata</c> (api-version 2021-06-01).</summary>
internal sealed class AssessmentMetadataProperties : IParsable
{
    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? RemediationDescription { get; set; }

    public List<string> Categories { get; set; } = [];

    /// <summary>Low, Medium or High.</summary>
    public string? Severity { get; set; }

    public string? UserImpact { get; set; }

    public string? ImplementationEffort { get; set; }

    public List<string> Threats { get; set; } = [];

    public bool? Preview { get; set; }

    /// <summary>BuiltIn, CustomPolicy, CustomerManaged or VerifiedPartner.</summary>
    public string? AssessmentType { get; set; }

    public static AssessmentMetadataProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["displayName"] = n => DisplayName = LenientParseNode.Text(n),
        ["description"] = n => Description = LenientParseNode.Text(n),
        ["remediationDescription"] = n => RemediationDescription = LenientParseNode.Text(n),
        ["categories"] = n => Categories = LenientParseNode.Strings(n),
        ["severity"] = n => Severity = LenientParseNode.Text(n),
        ["userImpact"] = n => UserImpact = LenientParseNode.Text(n),
        ["implementationEffort"] = n => ImplementationEffort = LenientParseNode.Text(n),
        ["threats"] = n => Threats = LenientParseNode.Strings(n),
        ["preview"] = n => Preview = LenientParseNode.Boolean(n),
        ["assessmentType"] = n => AssessmentType = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("displayName", DisplayName);
        writer.WriteStringValue("severity", Severity);
    }
}

/// <summary>The <c>properties</c> of <c>Microsoft.Security/assessments</c> (api-version 2021-06-01 and later).</summary>
internal sealed class AssessmentProperties : IParsable
{
    public string? ResourceId { get; set; }

    public string? ResourceSource { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Healthy, Unhealthy or NotApplicable.</summary>
    public string? StatusCode { get; set; }

    public string? StatusCause { get; set; }

    public DateTimeOffset? StatusChangeDate { get; set; }

    public string? AzurePortalUri { get; set; }

    /// <summary>The risk factors of the 2025-05-04 <c>risk</c> object (for example "Exposure to the Internet").</summary>
    public List<string> RiskFactors { get; set; } = [];

    public static AssessmentProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["resourceDetails"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["id"] = d => ResourceId = LenientParseNode.Text(d),
            ["Id"] = d => ResourceId ??= LenientParseNode.Text(d),
            ["ResourceId"] = d => ResourceId ??= LenientParseNode.Text(d),
            ["source"] = d => ResourceSource = LenientParseNode.Text(d),
            ["Source"] = d => ResourceSource ??= LenientParseNode.Text(d),
        })),
        ["displayName"] = n => DisplayName = LenientParseNode.Text(n),
        ["status"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["code"] = d => StatusCode = LenientParseNode.Text(d),
            ["cause"] = d => StatusCause = LenientParseNode.Text(d),
            ["statusChangeDate"] = d => StatusChangeDate = LenientParseNode.DateTime(d),
        })),
        ["links"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["azurePortalUri"] = d => AzurePortalUri = LenientParseNode.Text(d),
        })),
        ["risk"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["riskFactors"] = d => RiskFactors = LenientParseNode.Strings(d),
        })),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("displayName", DisplayName);
    }
}

/// <summary>The <c>score</c> object of a secure score or control: <c>max</c>, <c>current</c> and <c>percentage</c> (a 0–1 fraction).</summary>
internal sealed class ScoreDetails
{
    public double? Max { get; set; }

    public double? Current { get; set; }

    public double? Percentage { get; set; }

    public static FieldReader Reader(ScoreDetails target) => new(new(StringComparer.Ordinal)
    {
        ["max"] = d => target.Max = LenientParseNode.Double(d),
        ["current"] = d => target.Current = LenientParseNode.Double(d),
        ["percentage"] = d => target.Percentage = LenientParseNode.Double(d),
    });
}

/// <summary>The <c>properties</c> of <c>Microsoft.Security/secureScores</c> (api-version 2020-01-01).</summary>
internal sealed class SecureScoreProperties : IParsable
{
    public string? DisplayName { get; set; }

    public ScoreDetails Score { get; } = new();

    public static SecureScoreProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["displayName"] = n => DisplayName = LenientParseNode.Text(n),
        ["score"] = n => n.GetObjectValue(_ => ScoreDetails.Reader(Score)),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("displayName", DisplayName);
    }
}

/// <summary>
/// The <c>properties</c> of <c>Microsoft.Security/secureScores/secureScoreControls</c> (with
/// <c>$expand=definition</c>) and of <c>Microsoft.Security/secureScoreControlDefinitions</c>.
/// </summary>
internal sealed class SecureScoreControlProperties : IParsable
{
    public string? DisplayName { get; set; }

    public ScoreDetails Score { get; } = new();

    public long? HealthyResourceCount { get; set; }

    public long? UnhealthyResourceCount { get; set; }

    /// <summary>The definition's <c>maxScore</c> (from <c>definition.properties</c>, or the definition resource itself).</summary>
    public double? DefinitionMaxScore { get; set; }

    /// <summary>The assessment metadata names (GUIDs, lower case) of the definition's <c>assessmentDefinitions</c>.</summary>
    public List<string> AssessmentNames { get; set; } = [];

    /// <summary>Whether <c>assessmentDefinitions</c> was present.</summary>
    public bool HasDefinition { get; set; }

    public static SecureScoreControlProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["displayName"] = n => DisplayName = LenientParseNode.Text(n),
        ["score"] = n => n.GetObjectValue(_ => ScoreDetails.Reader(Score)),
        ["healthyResourceCount"] = n => HealthyResourceCount = LenientParseNode.Int64(n),
        ["unhealthyResourceCount"] = n => UnhealthyResourceCount = LenientParseNode.Int64(n),
        ["definition"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["properties"] = p => p.GetObjectValue(_ => DefinitionReader()),
        })),
        ["maxScore"] = n => DefinitionMaxScore = LenientParseNode.Double(n),
        ["assessmentDefinitions"] = ReadAssessmentDefinitions,
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("displayName", DisplayName);
    }

    private FieldReader DefinitionReader() => new(new(StringComparer.Ordinal)
    {
        ["maxScore"] = d => DefinitionMaxScore = LenientParseNode.Double(d),
        ["assessmentDefinitions"] = ReadAssessmentDefinitions,
    });

    private void ReadAssessmentDefinitions(IParseNode node)
    {
        HasDefinition = true;
        var names = new List<string>();
        foreach (var item in node.GetCollectionOfObjectValues(_ => new IdHolder()))
        {
            if (item?.Id is { Length: > 0 } id)
            {
                var slash = id.TrimEnd('/').LastIndexOf('/');
                names.Add(id[(slash + 1)..].Trim().ToLowerInvariant());
            }
        }

        AssessmentNames = names;
    }

    private sealed class IdHolder : IParsable
    {
        public string? Id { get; set; }

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
        {
            ["id"] = n => Id = LenientParseNode.Text(n),
        };

        public void Serialize(ISerializationWriter writer)
        {
        }
    }
}

/// <summary>The <c>properties</c> of <c>Microsoft.Security/pricings</c> (api-version 2024-01-01): which Defender plans are on.</summary>
internal sealed class PricingProperties : IParsable
{
    /// <summary>Free or Standard.</summary>
    public string? PricingTier { get; set; }

    public string? SubPlan { get; set; }

    public static PricingProperties Create(IParseNode parseNode) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["pricingTier"] = n => PricingTier = LenientParseNode.Text(n),
        ["subPlan"] = n => SubPlan = LenientParseNode.Text(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("pricingTier", PricingTier);
    }
}

/// <summary>Reads the named fields of a nested object into the caller's setters (nested objects the SDK keeps only a few values of).</summary>
internal sealed class FieldReader : IParsable
{
    private readonly Dictionary<string, Action<IParseNode>> _fields;

    public FieldReader(Dictionary<string, Action<IParseNode>> fields) => _fields = fields;

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => _fields;

    public void Serialize(ISerializationWriter writer)
    {
    }
}
