namespace ExposureSdk.Providers;

/// <summary>
/// How much of a source one pull could read (domain rules §2): the status a provider reports through
/// <see cref="SourcePullContext.ReportCoverage"/> and the refresh result shows per source.
/// </summary>
public enum SourceStatus
{
    /// <summary>The source was read in full. The default when a provider reports nothing.</summary>
    Active = 0,

    /// <summary>
    /// The source was read, with limited coverage (for example Defender for Cloud without the Defender CSPM
    /// plan, or a folder of scan files in which some could not be read). Its records are shown, and the
    /// detail says why the coverage is limited, so a dashboard can say so ("limited cloud data").
    /// </summary>
    Limited = 1,

    /// <summary>
    /// The source is not active (for example a tenant without any daily Secure Score, or Defender for Cloud
    /// not enabled): its recommendations, assets and assessments are not shown.
    /// </summary>
    Inactive = 2,

    /// <summary>The source could not be read; the detail says why.</summary>
    Failed = 3,
}
