namespace ExposureSdk;

/// <summary>The kind of security goal an initiative groups metrics around.</summary>
public enum InitiativeKind
{
    /// <summary>A workload initiative (for example Endpoint Security or Identity Security).</summary>
    Workload = 0,

    /// <summary>A horizontal threat initiative (for example Ransomware Protection).</summary>
    HorizontalThreat = 1,

    /// <summary>A threat-analytics initiative, usually scored from recommendations only.</summary>
    ThreatAnalytics = 2,

    /// <summary>A Zero Trust initiative.</summary>
    ZeroTrust = 3,

    /// <summary>An external attack surface initiative.</summary>
    ExternalAttackSurface = 4,

    /// <summary>A compliance initiative (for example a CIS benchmark).</summary>
    Compliance = 5,
}
