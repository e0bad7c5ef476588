using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExposureSdk;

/// <summary>Writes the snapshot document with a <see cref="Utf8JsonWriter"/> (no serializer, no reflection).</summary>
internal static class SnapshotDocumentWriter
{
    /// <summary>Flush to the stream whenever this many bytes are pending, so memory stays bounded.</summary>
    private const int FlushThreshold = 64 * 1024;

    public static JsonWriterOptions WriterOptions(SnapshotWriteOptions? options) => new()
    {
        Indented = options?.Indented ?? true,
        // The document is data, never embedded in HTML: keep non-ASCII text and '+', '<', '&' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>
    /// Refuses, before writing anything, a snapshot the document cannot hold: the document accepts only the six
    /// well-known security domains (code may create others), so writing another would give a document that its
    /// own reader rejects (issue 17, found by the round-trip property).
    /// </summary>
    private static void EnsureWritable(ExposureSnapshot snapshot)
    {
        foreach (var recommendation in snapshot.Recommendations)
        {
            if (!recommendation.Domain.IsWellKnown)
            {
                throw NotWritable($"Recommendation '{recommendation.Id}' has the security domain '{recommendation.Domain.Name}'");
            }
        }

        foreach (var metric in snapshot.Metrics)
        {
            if (metric.Selector?.Domains.FirstOrDefault(d => !d.IsWellKnown) is { Name.Length: > 0 } domain)
            {
                throw NotWritable($"The selector of metric '{metric.Id}' names the security domain '{domain.Name}'");
            }
        }

        static ArgumentException NotWritable(string what) => new(
            $"{what}, which a snapshot document cannot hold: it holds only {string.Join(", ", SecurityDomain.WellKnown)}. Nothing was written.",
            nameof(snapshot));
    }

    public static void Write(ExposureSnapshot snapshot, Utf8JsonWriter writer)
    {
        EnsureWritable(snapshot);
        WriteHeader(snapshot, writer);
        foreach (var section in Sections)
        {
            var count = section.Count(snapshot);
            writer.WriteStartArray(section.Name);
            for (var i = 0; i < count; i++)
            {
                section.WriteItem(snapshot, i, writer);
                if (writer.BytesPending > FlushThreshold)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    public static async Task WriteAsync(ExposureSnapshot snapshot, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWritable(snapshot);
        WriteHeader(snapshot, writer);
        foreach (var section in Sections)
        {
            var count = section.Count(snapshot);
            writer.WriteStartArray(section.Name);
            for (var i = 0; i < count; i++)
            {
                section.WriteItem(snapshot, i, writer);
                if (writer.BytesPending > FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Section(string Name, Func<ExposureSnapshot, int> Count, Action<ExposureSnapshot, int, Utf8JsonWriter> WriteItem);

    private static readonly Section[] Sections =
    [
        new("assets", s => s.Assets.Count, (s, i, w) => WriteAsset(s.Assets[i], w)),
        new("recommendations", s => s.Recommendations.Count, (s, i, w) => WriteRecommendation(s.Recommendations[i], w)),
        new("assessments", s => s.Assessments.Count, (s, i, w) => WriteAssessment(s.Assessments[i], w)),
        new("metrics", s => s.Metrics.Count, (s, i, w) => WriteMetric(s.Metrics[i], w)),
        new("initiatives", s => s.Initiatives.Count, (s, i, w) => WriteInitiative(s.Initiatives[i], w)),
    ];

    private static void WriteHeader(ExposureSnapshot snapshot, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SnapshotDocument.SchemaVersion);
        writer.WriteString("tenantId", snapshot.TenantId);
        WriteTime(writer, "asOf", snapshot.AsOf);
    }

    private static void WriteAsset(Asset asset, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", asset.Id.Value);
        writer.WriteString("kind", asset.Kind.Name);
        if (asset.Name is not null)
        {
            writer.WriteString("name", asset.Name);
        }

        if (asset.Criticality is { } criticality)
        {
            writer.WriteString("criticality", SnapshotVocabulary.Criticality.Name(criticality));
        }

        WriteStrings(writer, "tags", asset.Tags);
        writer.WriteEndObject();
    }

    private static void WriteRecommendation(Recommendation recommendation, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", recommendation.Id.Value);
        writer.WriteString("name", recommendation.Name);
        writer.WriteString("source", recommendation.Source.Name);
        writer.WriteString("workload", recommendation.Workload.Name);
        writer.WriteString("domain", recommendation.Domain.Name);
        writer.WriteString("impact", SnapshotVocabulary.Impact.Name(recommendation.Impact));
        if (recommendation.Description is not null)
        {
            writer.WriteString("description", recommendation.Description);
        }

        WriteStrings(writer, "remediationSteps", recommendation.RemediationSteps);
        if (recommendation.ManageUrl is not null)
        {
            writer.WriteString("manageUrl", recommendation.ManageUrl.OriginalString);
        }

        if (recommendation.MaxPoints is { } maxPoints)
        {
            writer.WriteNumber("maxPoints", maxPoints);
        }

        if (recommendation.State is { } state)
        {
            writer.WriteString("state", SnapshotVocabulary.State.Name(state));
        }

        if (recommendation.IsRiskAccepted)
        {
            writer.WriteBoolean("riskAccepted", true);
        }

        if (recommendation.LastCalculated is { } lastCalculated)
        {
            WriteTime(writer, "lastCalculated", lastCalculated);
        }

        if (recommendation.LastStateChange is { } lastStateChange)
        {
            WriteTime(writer, "lastStateChange", lastStateChange);
        }

        WriteStrings(writer, "threats", recommendation.Threats);
        WriteStrings(writer, "tags", recommendation.Tags);
        if (recommendation.Counts is { } counts)
        {
            writer.WriteStartObject("counts");
            writer.WriteNumber("affected", counts.Affected);
            writer.WriteNumber("total", counts.Total);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteAssessment(Assessment assessment, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("recommendationId", assessment.RecommendationId.Value);
        writer.WriteString("assetId", assessment.AssetId.Value);
        writer.WriteString("status", SnapshotVocabulary.Status.Name(assessment.Status));
        writer.WriteEndObject();
    }

    private static void WriteMetric(Metric metric, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", metric.Id.Value);
        writer.WriteString("name", metric.Name);
        writer.WriteString("weight", SnapshotVocabulary.Weight.Name(metric.Weight));
        WriteStrings(writer, "recommendationIds", metric.RecommendationIds.Select(id => id.Value).ToList());
        if (metric.Selector is { } selector)
        {
            writer.WriteStartObject("selector");
            WriteStrings(writer, "domains", selector.Domains.Select(d => d.Name).ToList());
            WriteStrings(writer, "workloads", selector.Workloads.Select(w => w.Name).ToList());
            WriteStrings(writer, "sources", selector.Sources.Select(s => s.Name).ToList());
            WriteStrings(writer, "threats", selector.Threats);
            WriteStrings(writer, "tags", selector.Tags);
            WriteStrings(writer, "impacts", selector.Impacts.Select(SnapshotVocabulary.Impact.Name).ToList());
            writer.WriteEndObject();
        }

        if (metric.Description is not null)
        {
            writer.WriteString("description", metric.Description);
        }

        writer.WriteEndObject();
    }

    private static void WriteInitiative(Initiative initiative, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", initiative.Id.Value);
        writer.WriteString("name", initiative.Name);
        writer.WriteString("kind", SnapshotVocabulary.InitiativeKind.Name(initiative.Kind));
        WriteStrings(writer, "metricIds", initiative.MetricIds.Select(id => id.Value).ToList());
        WriteStrings(writer, "recommendationIds", initiative.RecommendationIds.Select(id => id.Value).ToList());
        if (initiative.TargetScore is { } target)
        {
            writer.WriteNumber("targetScore", target);
        }

        if (initiative.IsFavorite)
        {
            writer.WriteBoolean("favorite", true);
        }

        if (initiative.Description is not null)
        {
            writer.WriteString("description", initiative.Description);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Times are written in UTC with a 'Z' (ISO 8601), keeping fractional seconds.</summary>
    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset value)
        => writer.WriteString(name, DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Utc));
}
