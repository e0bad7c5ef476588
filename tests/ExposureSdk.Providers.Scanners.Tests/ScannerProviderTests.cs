using System.Globalization;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.History;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>Files and folders as sources: later scans win, bad files lose only themselves, earlier scan dates are history (domain rules §4, §7).</summary>
public sealed class ScannerProviderTests
{
    private static string Line(string check, string resource, string status, DateTimeOffset time)
        => "{\"class_uid\":2004,\"metadata\":{\"event_code\":\"" + check + "\",\"product\":{\"name\":\"Prowler\"}},\"finding_info\":{\"title\":\"" + check + "\"},\"severity_id\":4,"
           + "\"status_code\":\"" + status + "\",\"status_id\":1,\"time\":" + time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
           + ",\"resources\":[{\"uid\":\"" + resource + "\",\"type\":\"Bucket\"}],\"cloud\":{\"provider\":\"aws\"},\"unmapped\":{\"compliance\":{\"CIS-3.0\":[\"2.1.1\"]}}}\n";

    private static string Scan(DateTimeOffset time, int failing)
        => string.Concat(Enumerable.Range(0, 10).Select(i => Line("s3_bucket_encrypted", "bucket-" + i, i < failing ? "FAIL" : "PASS", time)));

    [Fact]
    public async Task Folder_LaterScanWinsEachPair_BadFileIsLeftOutAndReported()
    {
        using var dir = new TempFolder();
        var t0 = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
        dir.Write("a-old.jsonl", Scan(t0, failing: 5));
        dir.Write("b-new.jsonl", Line("s3_bucket_encrypted", "bucket-0", "PASS", t0.AddDays(1)));
        dir.Write("c-bad.jsonl", Line("s3_bucket_encrypted", "bucket-9", "BROKEN", t0.AddDays(2)));
        dir.Write("notes.txt", "not read");
        File.Copy(TestPaths.Fixture("prowler", "example_output_gcp.csv"), Path.Combine(dir.Path, "gcp.csv"));
        var provider = new OcsfSourceProvider([dir.Path]);

        var assessments = await provider.GetAssessmentsAsync().ToListAsync();

        assessments.Where(a => a.RecommendationId.Value == "s3_bucket_encrypted").Should().HaveCount(10);
        assessments.Single(a => a.AssetId.Value == "bucket-0").Status.Should().Be(AssessmentStatus.Healthy, "the newer scan wins the pair");
        assessments.Count(a => a.RecommendationId.Value == "s3_bucket_encrypted" && a.Status == AssessmentStatus.Unhealthy).Should().Be(4);
        assessments.Should().Contain(a => a.RecommendationId.Value == "apikeys_key_exists", "the valid CSV still loads");
        var report = provider.LastRead!;
        report.Files.Select(f => Path.GetFileName(f.Name)).Should().Equal("gcp.csv", "a-old.jsonl", "b-new.jsonl");
        report.Failures.Should().ContainSingle().Which.Message.Should().Contain("c-bad.jsonl' line 1 ($.status_code): unknown status 'BROKEN'");
        report.Warnings.Should().ContainSingle().Which.Should().Contain("gcp.csv");
    }

    [Fact]
    public async Task NoReadableFile_FailsTheSource()
    {
        using var dir = new TempFolder();
        dir.Write("bad.json", "[{");
        var provider = new OcsfSourceProvider([dir.Path, Path.Combine(dir.Path, "missing.json")]);

        var act = async () => await provider.GetRecommendationsAsync().ToListAsync();

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("No result file could be read").And.Contain("bad.json");
    }

    [Fact]
    public async Task MaesterFolder_LatestRunWins()
    {
        var provider = new MaesterSourceProvider([TestPaths.Fixture("maester")]);

        var assessments = await provider.GetAssessmentsAsync().ToListAsync();

        assessments.Should().HaveCount(180);
        assessments.Count(a => a.Status == AssessmentStatus.Healthy).Should().Be(130);
        assessments.Single(a => a.RecommendationId.Value == "AD-DCD-03").Status.Should().Be(AssessmentStatus.Healthy);
        provider.LastRead!.Files.Should().HaveCount(3);
        var history = await provider.GetHistoryAsync().ToListAsync();
        history.Should().ContainSingle("the three runs are on one date: the day's last run closes it").Which.Assessments.Should().HaveCount(180);
    }

    [Fact]
    public async Task FirstRefresh_ScansOfEarlierDays_SeedTrendsAndCompareWithYesterday()
    {
        using var dir = new TempFolder();
        var now = TimeProvider.System.GetUtcNow();
        dir.Write("scan-3.jsonl", Scan(now.AddDays(-3), failing: 1));
        dir.Write("scan-2.jsonl", Scan(now.AddDays(-2), failing: 4));
        dir.Write("scan-1.jsonl", Scan(now.AddDays(-1), failing: 2));
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso" };
        options.Metrics.Add(new Metric("m-s3", "Unencrypted buckets", MetricWeight.High, ["s3_bucket_encrypted"]));
        options.Initiatives.Add(new Initiative("i-cloud", "Cloud", InitiativeKind.Workload, ["m-s3"]));
        var history = new InMemoryScoreHistoryStore();
        var pipeline = new ExposureRefreshPipeline([new OcsfSourceProvider([dir.Path])], history, options);

        var result = await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        result.SeededCards.Select(c => c.FindMetric("m-s3")!.Score).Should().Equal(90, 60, 80);
        result.SeededCards.Should().OnlyContain(c => c.FindMetric("m-s3")!.Availability == ScoreAvailability.Available, "each day has per-asset results for the check");
        result.Baseline.Should().BeSameAs(result.SeededCards[^1], "yesterday is the scan of day -1");
        result.Card.FindMetric("m-s3")!.Score.Should().Be(80, "today's state is the latest scan");
        result.Events.Should().NotContain(e => e.Kind == SecurityEventKind.MetricScoreDrop, "no change since yesterday");
        var events = await history.GetEventsAsync("contoso", now.AddDays(-10), now.AddDays(1));
        events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-s3" && Math.Abs(e.Drop!.Value - 30) < 1e-9, "the seeded days raised the drop from 90 to 60");
        var trend = ScoreTrends.Trend([.. result.SeededCards, result.Card], ScoreSubject.Metric("m-s3"), result.Card.AsOf);
        trend.Points.Should().HaveCountGreaterThanOrEqualTo(4, "three seeded days and today");
        trend.Change.Should().BeApproximately(-10, 1e-9, "90 three days ago, 80 today");
    }
}
