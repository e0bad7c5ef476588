using System.Text;

namespace ExposureSdk;

/// <summary>The enum values of the snapshot document, in the order the documentation lists them.</summary>
internal static class SnapshotVocabulary
{
    public static readonly EnumNames<Impact> Impact = new(ExposureSdk.Impact.High, ExposureSdk.Impact.Medium, ExposureSdk.Impact.Low);

    public static readonly EnumNames<AssetCriticality> Criticality = new(AssetCriticality.VeryHigh, AssetCriticality.High, AssetCriticality.Medium, AssetCriticality.Low);

    public static readonly EnumNames<ComplianceState> State = new(
        ComplianceState.Compliant, ComplianceState.NotCompliant, ComplianceState.MitigatedByOrganization, ComplianceState.NotAvailable);

    public static readonly EnumNames<AssessmentStatus> Status = new(AssessmentStatus.Healthy, AssessmentStatus.Unhealthy, AssessmentStatus.NotApplicable);

    public static readonly EnumNames<MetricWeight> Weight = new(MetricWeight.High, MetricWeight.Medium, MetricWeight.Low, MetricWeight.RiskAccepted);

    public static readonly EnumNames<InitiativeKind> InitiativeKind = new(
        ExposureSdk.InitiativeKind.Workload, ExposureSdk.InitiativeKind.HorizontalThreat, ExposureSdk.InitiativeKind.ThreatAnalytics,
        ExposureSdk.InitiativeKind.ZeroTrust, ExposureSdk.InitiativeKind.ExternalAttackSurface, ExposureSdk.InitiativeKind.Compliance);

    /// <summary>The six security domains the document accepts (code may create others; the document does not).</summary>
    public static readonly IReadOnlyList<SecurityDomain> Domains = SecurityDomain.WellKnown;

    public static readonly string DomainsExpected = string.Join(", ", Domains.Select(d => d.Name));

    private static readonly byte[][] DomainNames = [.. Domains.Select(d => Encoding.UTF8.GetBytes(d.Name))];

    public static bool TryParseDomain(ReadOnlySpan<byte> utf8, out SecurityDomain domain)
    {
        for (var i = 0; i < DomainNames.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8, DomainNames[i]))
            {
                domain = Domains[i];
                return true;
            }
        }

        domain = default;
        return false;
    }
}

/// <summary>The names of an enum's values as the document spells them (PascalCase), matched case-insensitively.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly T[] _values;
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public EnumNames(params T[] values)
    {
        _values = values;
        _names = [.. values.Select(v => v.ToString())];
        _utf8 = [.. _names.Select(Encoding.UTF8.GetBytes)];
        Expected = string.Join(", ", _names);
    }

    /// <summary>The accepted names, comma-separated, for error messages.</summary>
    public string Expected { get; }

    public IReadOnlyList<string> Names => _names;

    public bool TryParse(ReadOnlySpan<byte> utf8, out T value)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            // The length first: most candidates differ in length, and the exact spelling (as written) next.
            var name = _utf8[i];
            if (utf8.Length == name.Length && (utf8.SequenceEqual(name) || System.Text.Ascii.EqualsIgnoreCase(utf8, name)))
            {
                value = _values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    public string Name(T value)
    {
        var index = Array.IndexOf(_values, value);
        return index >= 0 ? _names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"'{value}' is not a defined {typeof(T).Name} value.");
    }
}
