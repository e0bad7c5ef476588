using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Writes the per-asset results of any snapshot (from any source, the demo tenant included) as OCSF
/// Compliance Finding records (class 2003, schema 1.5 and later), one record per assessment, streamed:
/// records are written as they are built and flushed every 64 KiB, so memory does not grow with the
/// number of results.
/// </summary>
/// <remarks>
/// <para>
/// Each record carries: <c>class_uid</c> 2003, <c>category_uid</c> 2 (Findings), <c>activity_id</c> 1
/// (Create), <c>type_uid</c> 200301 and their captions; <c>time</c> (the snapshot's time, epoch
/// milliseconds); <c>severity_id</c>/<c>severity</c> from the recommendation's impact (High → 4 High,
/// Medium → 3 Medium, Low → 2 Low); <c>status_id</c>/<c>status</c> 1 New, or 3 Suppressed when the
/// recommendation is risk accepted; <c>metadata</c> (<c>version</c> 1.5.0, <c>product</c> name, vendor
/// and version, <c>event_code</c> = the recommendation id, <c>tenant_uid</c>); <c>finding_info</c>
/// (<c>uid</c> unique per tenant, recommendation and asset; <c>title</c>, <c>desc</c>,
/// <c>created_time</c>); <c>compliance</c> (<c>standards</c> = the recommendation's source,
/// <c>requirements</c> from its <c>compliance:</c> tags, <c>control</c> = its id, one <c>checks</c>
/// entry with the recommendation's name, severity and status, <c>status_id</c>/<c>status</c> 1 Pass
/// for a healthy result, 3 Fail for an unhealthy one, none for a result that was not assessed, and
/// <c>status_details</c> with the recommendation's compliance state); <c>resources</c> (the asset: uid,
/// type = kind, name, labels = tags); <c>remediation</c> (the first step as <c>desc</c>, the others as
/// <c>references</c>); <c>status_code</c> PASS, FAIL or MANUAL; and <c>unmapped.exposuresdk</c> with the
/// recommendation's source, workload, domain, threats and tags, so that <see cref="OcsfFindingReader"/> reads back the
/// same recommendation, asset and result (the round trip gives the same metric and initiative scores).
/// </para>
/// <para>
/// A recommendation stated MitigatedByOrganization counts as healthy (domain rules §3): its results are
/// written as Pass. Count-only results (no per-asset assessment) are not written: OCSF findings are
/// about one resource each.
/// </para>
/// </remarks>
public static class OcsfComplianceFindingWriter
{
    /// <summary>The OCSF schema version the records declare.</summary>
    public const string SchemaVersion = "1.5.0";

    private const int FlushBytes = 64 * 1024;
    private static readonly string ProductVersion = typeof(OcsfComplianceFindingWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>Writes a snapshot's per-asset results to a stream.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="format">JSON Lines (the default) or a JSON array.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<long> WriteAsync(ExposureSnapshot snapshot, Stream stream, OcsfExportFormat format = OcsfExportFormat.JsonLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }

        var recommendations = snapshot.Recommendations.ToDictionary(r => r.Id);
        var assets = snapshot.Assets.ToDictionary(a => a.Id);
        var time = snapshot.AsOf.ToUnixTimeMilliseconds();
        var states = Scoring.ExposureScorer.Score(new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, snapshot.Recommendations, snapshot.Assets, snapshot.Assessments))
            .Recommendations.ToDictionary(r => r.Id, r => r.State);
        var writer = new Utf8JsonWriter(stream, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            if (format == OcsfExportFormat.JsonArray)
            {
                writer.WriteStartArray();
            }

            long count = 0;
            foreach (var assessment in snapshot.Assessments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var recommendation = recommendations[assessment.RecommendationId];
                var asset = assets.GetValueOrDefault(assessment.AssetId);
                WriteRecord(writer, snapshot.TenantId, time, recommendation, states.GetValueOrDefault(recommendation.Id), assessment, asset);
                count++;
                if (format == OcsfExportFormat.JsonLines)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.WriteByte((byte)'\n');
                    writer.Reset(stream);
                }
                else if (writer.BytesPending > FlushBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (format == OcsfExportFormat.JsonArray)
            {
                writer.WriteEndArray();
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (format == OcsfExportFormat.JsonArray)
            {
                stream.WriteByte((byte)'\n');
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>
    /// Writes a snapshot's per-asset results to a file: first to a temporary file beside it, then renamed
    /// over it, so a reader never sees a half-written file and a failed write leaves the old file intact.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="format">JSON Lines (the default) or a JSON array.</param>
    /// <param name="cancellationToken">Cancels the write (the temporary file is deleted).</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<long> WriteFileAsync(ExposureSnapshot snapshot, string path, OcsfExportFormat format = OcsfExportFormat.JsonLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long count;
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                count = await WriteAsync(snapshot, stream, format, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            return count;
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }

            throw;
        }
    }

    private static void WriteRecord(Utf8JsonWriter w, string tenantId, long time, Recommendation r, ComplianceState state, Assessment a, Asset? asset)
    {
        var healthy = a.Status == AssessmentStatus.Healthy || (a.Status == AssessmentStatus.Unhealthy && r.State == ComplianceState.MitigatedByOrganization);
        var (statusCode, complianceStatus) = a.Status == AssessmentStatus.NotApplicable ? ("MANUAL", 0) : healthy ? ("PASS", 1) : ("FAIL", 3);
        var (severityId, severity) = r.Impact switch
        {
            Impact.High => (4, "High"),
            Impact.Medium => (3, "Medium"),
            _ => (2, "Low"),
        };

        w.WriteStartObject();
        w.WriteNumber("activity_id", 1);
        w.WriteString("activity_name", "Create");
        w.WriteNumber("category_uid", 2);
        w.WriteString("category_name", "Findings");
        w.WriteNumber("class_uid", 2003);
        w.WriteString("class_name", "Compliance Finding");
        w.WriteNumber("type_uid", 200301);
        w.WriteString("type_name", "Compliance Finding: Create");
        w.WriteNumber("time", time);
        w.WriteNumber("severity_id", severityId);
        w.WriteString("severity", severity);
        w.WriteNumber("status_id", r.IsRiskAccepted ? 3 : 1);
        w.WriteString("status", r.IsRiskAccepted ? "Suppressed" : "New");
        w.WriteString("status_code", statusCode);
        w.WriteString("message", string.Create(CultureInfo.InvariantCulture, $"{r.Name}: {(complianceStatus == 1 ? "Pass" : complianceStatus == 3 ? "Fail" : "not assessed")} on {a.AssetId}"));

        w.WriteStartObject("metadata");
        w.WriteString("version", SchemaVersion);
        w.WriteString("event_code", r.Id.Value);
        w.WriteString("tenant_uid", tenantId);
        w.WriteStartObject("product");
        w.WriteString("name", "ExposureSdk");
        w.WriteString("vendor_name", "ExposureSdk");
        w.WriteString("version", ProductVersion);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("finding_info");
        w.WriteString("uid", string.Concat(tenantId, "/", r.Id.Value, "/", a.AssetId.Value));
        w.WriteString("title", r.Name);
        if (r.Description is { } desc)
        {
            w.WriteString("desc", desc);
        }

        w.WriteNumber("created_time", time);
        w.WriteEndObject();

        var requirements = r.Tags.Where(t => t.StartsWith(ScannerVocabulary.ComplianceTagPrefix + r.Source.Name + ":", StringComparison.Ordinal))
            .Select(t => t[(ScannerVocabulary.ComplianceTagPrefix.Length + r.Source.Name.Length + 1)..]).ToArray();
        w.WriteStartObject("compliance");
        w.WriteString("control", r.Id.Value);
        w.WriteStartArray("standards");
        w.WriteStringValue(r.Source.Name);
        w.WriteEndArray();
        if (requirements.Length > 0)
        {
            w.WriteStartArray("requirements");
            foreach (var req in requirements)
            {
                w.WriteStringValue(req);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("checks");
        w.WriteStartObject();
        w.WriteString("uid", r.Id.Value);
        w.WriteString("name", r.Name);
        w.WriteNumber("severity_id", severityId);
        w.WriteString("severity", severity);
        if (complianceStatus != 0)
        {
            w.WriteNumber("status_id", complianceStatus);
            w.WriteString("status", complianceStatus == 1 ? "Pass" : "Fail");
        }

        w.WriteStartArray("standards");
        w.WriteStringValue(r.Source.Name);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        if (complianceStatus != 0)
        {
            w.WriteNumber("status_id", complianceStatus);
            w.WriteString("status", complianceStatus == 1 ? "Pass" : "Fail");
        }

        w.WriteString("status_code", statusCode);
        w.WriteStartArray("status_details");
        w.WriteStringValue("Recommendation state: " + state);
        if (r.IsRiskAccepted)
        {
            w.WriteStringValue("Risk accepted");
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("uid", a.AssetId.Value);
        w.WriteString("type", (asset?.Kind ?? AssetKind.Unknown).Name);
        if (asset?.Name is { } name)
        {
            w.WriteString("name", name);
        }

        if (asset is { Tags.Count: > 0 })
        {
            w.WriteStartArray("labels");
            foreach (var tag in asset.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();

        if (r.RemediationSteps.Count > 0)
        {
            w.WriteStartObject("remediation");
            w.WriteString("desc", r.RemediationSteps[0]);
            if (r.RemediationSteps.Count > 1)
            {
                w.WriteStartArray("references");
                for (var i = 1; i < r.RemediationSteps.Count; i++)
                {
                    w.WriteStringValue(r.RemediationSteps[i]);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("unmapped");
        w.WriteStartObject("exposuresdk");
        w.WriteString("source", r.Source.Name);
        w.WriteString("workload", r.Workload.Name);
        w.WriteString("domain", r.Domain.Name);
        w.WriteString("impact", r.Impact.ToString());
        w.WriteString("state", state.ToString());
        if (r.Threats.Count > 0)
        {
            w.WriteStartArray("threats");
            foreach (var threat in r.Threats)
            {
                w.WriteStringValue(threat);
            }

            w.WriteEndArray();
        }

        if (r.Tags.Count > 0)
        {
            w.WriteStartArray("tags");
            foreach (var tag in r.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
