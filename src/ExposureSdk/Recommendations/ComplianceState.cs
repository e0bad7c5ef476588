namespace ExposureSdk;

/// <summary>The compliance state of a recommendation for the whole organization (domain rules §2).</summary>
public enum ComplianceState
{
    /// <summary>Not enough data: no asset was assessed (no results, or all not applicable).</summary>
    NotAvailable = 0,

    /// <summary>At least one assessed asset is healthy and none is unhealthy.</summary>
    Compliant = 1,

    /// <summary>At least one assessed asset is unhealthy.</summary>
    NotCompliant = 2,

    /// <summary>Remediated elsewhere (for example by a third-party tool); counts as healthy and earns full points.</summary>
    MitigatedByOrganization = 3,
}
