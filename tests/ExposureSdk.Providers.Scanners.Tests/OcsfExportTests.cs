using System.Text;
using System.Text.Json;
using ExposureSdk.Demo;
using ExposureSdk.Scoring;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>
/// The OCSF export (domain rules §7, other direction): every record validates against the Compliance
/// Finding class definition shipped in tests/fixtures/ocsf, and a round trip through the OCSF reader
/// gives the same scores.
/// </summary>
public sealed class OcsfExportTests
{
    // base_event is not among the shipped definitions; these are its required attributes in OCSF 1.x.
    private static readonly string[] BaseEventRequired = ["activity_id", "category_uid", "class_uid", "metadata", "severity_id", "time", "type_uid"];

    private static readonly Lazy<ExposureSnapshot> Demo = new(() => DemoTenant.Create(new DemoTenantOptions { AssetCount = 600 }).Today);

    private static JsonElement Definition(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("ocsf", name + ".json")));
        return doc.RootElement.Clone();
    }

    private static async Task<List<JsonElement>> Export(ExposureSnapshot snapshot, OcsfExportFormat format)
    {
        using var stream = new MemoryStream();
        var count = await OcsfComplianceFindingWriter.WriteAsync(snapshot, stream, format);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        List<JsonElement> records;
        if (format == OcsfExportFormat.JsonLines)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            records = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
            text.Should().EndWith("\n");
        }
        else
        {
            records = [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone())];
        }

        records.Should().HaveCount((int)count);
        return records;
    }

    [Theory]
    [InlineData(OcsfExportFormat.JsonLines)]
    [InlineData(OcsfExportFormat.JsonArray)]
    public async Task DemoTenant_EveryRecord_ValidatesAgainstTheShippedClassDefinition(OcsfExportFormat format)
    {
        var snapshot = Demo.Value;
        var records = await Export(snapshot, format);

        records.Should().HaveCount(snapshot.Assessments.Count, "one record per per-asset result");
        var cls = Definition("compliance_finding");
        var finding = Definition("finding");
        var compliance = Definition("compliance");
        var check = Definition("check");
        finding.GetProperty("extends").GetString().Should().Be("base_event");
        cls.GetProperty("extends").GetString().Should().Be("finding");
        var classUid = 2000 + cls.GetProperty("uid").GetInt32();
        var required = Required(cls).Concat(Required(finding)).Concat(BaseEventRequired).ToArray();
        required.Should().Contain(["compliance", "finding_info"]);
        var deprecated = Deprecated(cls).Concat(Deprecated(finding)).ToArray();
        deprecated.Should().Contain("resource");

        foreach (var record in records)
        {
            foreach (var name in required)
            {
                record.TryGetProperty(name, out var value).Should().BeTrue($"'{name}' is required");
                value.ValueKind.Should().NotBe(JsonValueKind.Null);
            }

            foreach (var name in deprecated)
            {
                record.TryGetProperty(name, out _).Should().BeFalse($"'{name}' is deprecated");
            }

            record.GetProperty("class_uid").GetInt32().Should().Be(classUid).And.Be(2003);
            record.GetProperty("category_uid").GetInt32().Should().Be(2);
            record.GetProperty("type_uid").GetInt32().Should().Be(classUid * 100 + record.GetProperty("activity_id").GetInt32());
            CheckEnums(record, cls, finding);
            var metadata = record.GetProperty("metadata");
            metadata.GetProperty("version").GetString().Should().Be(OcsfComplianceFindingWriter.SchemaVersion);
            metadata.GetProperty("product").GetProperty("name").GetString().Should().Be("ExposureSdk");
            metadata.GetProperty("product").GetProperty("version").GetString().Should().NotBeNullOrEmpty();
            var info = record.GetProperty("finding_info");
            info.GetProperty("uid").GetString().Should().NotBeNullOrEmpty();
            info.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
            var c = record.GetProperty("compliance");
            CheckEnums(c, compliance);
            Deprecated(compliance).Should().Contain(["compliance_references", "compliance_standards", "status_detail"]);
            foreach (var name in Deprecated(compliance))
            {
                c.TryGetProperty(name, out _).Should().BeFalse($"compliance.{name} is deprecated");
            }

            c.GetProperty("standards").GetArrayLength().Should().Be(1);
            foreach (var item in c.GetProperty("checks").EnumerateArray())
            {
                CheckEnums(item, check);
            }

            var resource = record.GetProperty("resources").EnumerateArray().Should().ContainSingle().Subject;
            resource.GetProperty("uid").GetString().Should().NotBeNullOrEmpty();
            record.GetProperty("time").GetInt64().Should().Be(snapshot.AsOf.ToUnixTimeMilliseconds());
        }

        records.Select(r => r.GetProperty("finding_info").GetProperty("uid").GetString()).Should().OnlyHaveUniqueItems();
        records.Select(r => r.GetProperty("compliance").TryGetProperty("status_id", out var s) ? s.GetInt32() : 0).Distinct().Should().BeEquivalentTo([0, 1, 3], "the demo has healthy, unhealthy and not assessed results");
    }

    [Fact]
    public async Task RoundTrip_ExportThenReadBack_GivesTheSameScores()
    {
        var original = PerAssetOnly(Demo.Value);
        using var stream = new MemoryStream();
        await OcsfComplianceFindingWriter.WriteAsync(original, stream);
        stream.Position = 0;

        var read = await OcsfFindingReader.ReadAsync(stream, "export.jsonl");
        var back = new ExposureSnapshot(original.TenantId, original.AsOf, read.Recommendations, read.Assets, read.Assessments, original.Metrics, original.Initiatives);

        read.RepeatedResults.Should().Be(0);
        read.Recommendations.Should().HaveCount(original.Recommendations.Count);
        var a = ExposureScorer.Score(original);
        var b = ExposureScorer.Score(back);
        b.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)).Should().Equal(a.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)));
        b.Initiatives.Where(i => i.Metrics.Count > 0).Select(i => (i.Id, i.Score))
            .Should().Equal(a.Initiatives.Where(i => i.Metrics.Count > 0).Select(i => (i.Id, i.Score)));
        a.Metrics.Count(m => m.Score is not null).Should().BeGreaterThan(5, "the comparison covers real scores");
        foreach (var r in original.Recommendations)
        {
            var x = read.Recommendations.Single(y => y.Id == r.Id);
            (x.Name, x.Source, x.Workload, x.Domain, x.Impact, x.Description, x.IsRiskAccepted).Should().Be((r.Name, r.Source, r.Workload, r.Domain, r.Impact, r.Description, r.IsRiskAccepted));
            x.RemediationSteps.Should().Equal(r.RemediationSteps);
            x.Tags.Should().Equal(r.Tags);
            x.Threats.Should().Equal(r.Threats);
        }
    }

    [Fact]
    public async Task ProwlerFindings_ExportedAndReadBack_KeepTheirCisSourceAndResults()
    {
        var scan = await OcsfFindingReader.ReadFileAsync(TestPaths.Fixture("prowler", "example_output_azure.ocsf.json"));
        var snapshot = new ExposureSnapshot("contoso", new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), scan.Recommendations, scan.Assets, scan.Assessments);
        using var stream = new MemoryStream();
        await OcsfComplianceFindingWriter.WriteAsync(snapshot, stream);
        stream.Position = 0;

        var back = await OcsfFindingReader.ReadAsync(stream, "again.jsonl");

        back.Assessments.Should().Equal(scan.Assessments);
        back.Recommendations.Select(r => r.Source).Should().Equal(scan.Recommendations.Select(r => r.Source));
        var line = Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0];
        using var doc = JsonDocument.Parse(line);
        doc.RootElement.GetProperty("compliance").GetProperty("requirements").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(["6.3.1"], "the requirement of the source benchmark (CIS Azure v3.0)");
    }

    [Fact]
    public async Task WriteFile_GoesThroughATemporaryFile_AndReplacesTheTarget()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "out.jsonl");
        File.WriteAllText(path, "old");

        var count = await OcsfComplianceFindingWriter.WriteFileAsync(Demo.Value, path);

        count.Should().Be(Demo.Value.Assessments.Count);
        File.ReadLines(path).Count().Should().Be((int)count);
        Directory.GetFiles(dir.Path).Should().ContainSingle("the temporary file was renamed");
        var cancelled = () => OcsfComplianceFindingWriter.WriteFileAsync(Demo.Value, path, cancellationToken: new CancellationToken(true));
        await cancelled.Should().ThrowAsync<OperationCanceledException>();
        File.ReadLines(path).Count().Should().Be((int)count, "a failed write leaves the old file");
        Directory.GetFiles(dir.Path).Should().ContainSingle("the temporary file of the failed write is gone");
    }

    private static ExposureSnapshot PerAssetOnly(ExposureSnapshot s)
    {
        var assessed = s.Assessments.Select(a => a.RecommendationId).ToHashSet();
        var recs = s.Recommendations.Where(r => assessed.Contains(r.Id)).ToList();
        var metrics = s.Metrics.Select(m => new Metric(m.Id, m.Name, m.Weight, m.RecommendationIds.Where(assessed.Contains), m.Selector, m.Description)).ToList();
        var initiatives = s.Initiatives.Select(i => new Initiative(i.Id, i.Name, i.Kind, i.MetricIds, i.RecommendationIds.Where(assessed.Contains), i.TargetScore, i.IsFavorite, i.Description)).ToList();
        return new ExposureSnapshot(s.TenantId, s.AsOf, recs, s.Assets, s.Assessments, metrics, initiatives);
    }

    private static IEnumerable<string> Required(JsonElement definition)
        => definition.GetProperty("attributes").EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("requirement", out var r) && r.GetString() == "required")
            .Select(p => p.Name);

    private static IEnumerable<string> Deprecated(JsonElement definition)
        => definition.GetProperty("attributes").EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("@deprecated", out _))
            .Select(p => p.Name);

    /// <summary>Every attribute with an enumeration in the definitions holds one of its values, and its caption attribute (status for status_id, activity_name for activity_id, severity for severity_id) matches.</summary>
    private static void CheckEnums(JsonElement value, params JsonElement[] definitions)
    {
        foreach (var definition in definitions)
        {
            foreach (var attribute in definition.GetProperty("attributes").EnumerateObject())
            {
                if (attribute.Value.ValueKind != JsonValueKind.Object || !attribute.Value.TryGetProperty("enum", out var values) || !value.TryGetProperty(attribute.Name, out var actual))
                {
                    continue;
                }

                var key = actual.GetRawText();
                values.TryGetProperty(key, out var entry).Should().BeTrue($"{attribute.Name} = {key} must be one of {string.Join(", ", values.EnumerateObject().Select(e => e.Name))}");
                var captionName = attribute.Name == "activity_id" ? "activity_name" : attribute.Name[..^3];
                if (value.TryGetProperty(captionName, out var caption))
                {
                    caption.GetString().Should().Be(entry.GetProperty("caption").GetString(), $"{captionName} is the caption of {attribute.Name} {key}");
                }
            }
        }
    }
}
