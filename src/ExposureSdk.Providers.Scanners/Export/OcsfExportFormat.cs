namespace ExposureSdk.Providers.Scanners;

/// <summary>How <see cref="OcsfComplianceFindingWriter"/> lays out its records.</summary>
public enum OcsfExportFormat
{
    /// <summary>One JSON object per line (JSON Lines), what SIEMs and data lakes ingest as a stream. The default.</summary>
    JsonLines = 0,

    /// <summary>One JSON array of objects.</summary>
    JsonArray = 1,
}
