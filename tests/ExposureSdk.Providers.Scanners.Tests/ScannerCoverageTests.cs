using System.Globalization;
using ExposureSdk.History;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>
/// Coverage of the scanner sources through the refresh pipeline (domain rules §2): a folder whose files
/// all read is Active; a malformed, truncated or missing file makes the source Limited, with the file
/// named in the detail, a part and a warning, while the valid files still load.
/// </summary>
public sealed class ScannerCoverageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private static string Line(string check, string resource, string status, DateTimeOffset time)
        => "{\"class_uid\":2004,\"metadata\":{\"event_code\":\"" + check + "\",\"product\":{\"name\":\"Prowler\"}},\"finding_info\":{\"title\":\"" + check + "\"},\"severity_id\":4,"
           + "\"status_code\":\"" + status + "\",\"status_id\":1,\"time\":" + time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
           + ",\"resources\":[{\"uid\":\"" + resource + "\",\"type\":\"Bucket\"}],\"cloud\":{\"provider\":\"aws\"}}\n";

    private static async Task<RefreshResult> RefreshAsync(ExposureSourceProvider provider)
    {
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false };
        return await new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options).RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Ocsf_EveryFileRead_IsActiveWithOnePartPerFile()
    {
        using var dir = new TempFolder();
        dir.Write("a.jsonl", Line("s3_bucket_encrypted", "bucket-1", "FAIL", T0));
        dir.Write("b.jsonl", Line("s3_bucket_encrypted", "bucket-2", "PASS", T0.AddDays(1)));

        var result = await RefreshAsync(new OcsfSourceProvider([dir.Path]));

        var coverage = result.Outcomes.Single().Coverage;
        coverage.Status.Should().Be(SourceStatus.Active);
        coverage.Detail.Should().Be("2 file(s) read");
        coverage.Parts.Select(p => (p.Name, p.Status)).Should().Equal(("a.jsonl", SourceStatus.Active), ("b.jsonl", SourceStatus.Active));
        coverage.Parts[0].Detail.Should().Be("1 record(s) read, scanned 2026-03-01 06:00:00Z");
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"class_uid\":2004,\"status_code\":\"PASS\"", "bad.jsonl")]
    [InlineData("wrong-class.jsonl", "{\"class_uid\":4001,\"metadata\":{\"event_code\":\"x\"}}\n", "wrong-class.jsonl")]
    [InlineData("not-json.json", "<html>hostile</html>", "not-json.json")]
    [InlineData("columns.csv", "FOO;BAR\n1;2\n", "columns.csv")]
    public async Task Ocsf_MalformedFileInAFolder_IsLimitedNamingTheFileAndTheValidFilesStillLoad(string name, string content, string named)
    {
        using var dir = new TempFolder();
        dir.Write("good.jsonl", Line("s3_bucket_encrypted", "bucket-1", "FAIL", T0));
        dir.Write(name, content);

        var result = await RefreshAsync(new OcsfSourceProvider([dir.Path]));

        var outcome = result.Outcomes.Single();
        outcome.Succeeded.Should().BeTrue("one bad file loses only itself");
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().StartWith("1 of 2 file(s) could not be read: " + named);
        outcome.Coverage.Parts.Should().Contain(p => p.Name == named && p.Status == SourceStatus.Failed && p.Detail.Length > 0);
        outcome.Coverage.Parts.Should().Contain(p => p.Name == "good.jsonl" && p.Status == SourceStatus.Active);
        outcome.Warnings.Should().Contain(w => w.StartsWith(named + " could not be read and was left out", StringComparison.Ordinal));
        result.Warnings.Should().Contain(w => w.Contains(named, StringComparison.Ordinal) && w.StartsWith("Provider 'OCSF", StringComparison.Ordinal));
        result.Snapshot.Assessments.Should().ContainSingle(a => a.AssetId.Value == "bucket-1", "the valid file still loads");
    }

    [Fact]
    public async Task Ocsf_MissingPathBesideAValidFile_IsLimitedNamingThePath()
    {
        using var dir = new TempFolder();
        dir.Write("good.jsonl", Line("s3_bucket_encrypted", "bucket-1", "PASS", T0));

        var result = await RefreshAsync(new OcsfSourceProvider([Path.Combine(dir.Path, "good.jsonl"), Path.Combine(dir.Path, "gone.json")]));

        var coverage = result.Outcomes.Single().Coverage;
        coverage.Status.Should().Be(SourceStatus.Limited);
        coverage.Detail.Should().Contain("gone.json").And.Contain("no such file or folder");
    }

    [Fact]
    public async Task Ocsf_ManyBadFiles_DetailNamesThreeAndCountsTheRestWithinItsLimit()
    {
        using var dir = new TempFolder();
        dir.Write("good.jsonl", Line("s3_bucket_encrypted", "bucket-1", "PASS", T0));
        for (var i = 0; i < 40; i++)
        {
            dir.Write($"bad-{i:D2}-{new string('x', 200)}.json", "[{\"class_uid\":" + new string('9', 3000));
        }

        var result = await RefreshAsync(new OcsfSourceProvider([dir.Path]));

        var outcome = result.Outcomes.Single();
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().StartWith("40 of 41 file(s) could not be read: bad-00").And.EndWith("; and 37 more");
        outcome.Coverage.Detail.Length.Should().BeLessThanOrEqualTo(SourceCoverage.MaxDetailLength);
        outcome.Coverage.Parts.Count(p => p.Status == SourceStatus.Failed).Should().Be(40);
        outcome.Warnings.Count(w => w.Contains("could not be read", StringComparison.Ordinal)).Should().Be(40);
    }

    [Fact]
    public async Task Maester_FixtureFolderPlusATruncatedRun_IsLimitedAndTheRunsStillLoad()
    {
        using var dir = new TempFolder();
        foreach (var file in Directory.GetFiles(TestPaths.Fixture("maester"), "*.json"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        var first = File.ReadAllText(Directory.GetFiles(dir.Path, "*.json").Order(StringComparer.Ordinal).First());
        dir.Write("zz-truncated.json", first[..(first.Length / 2)]);

        var result = await RefreshAsync(new MaesterSourceProvider([dir.Path]));

        var outcome = result.Outcomes.Single();
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().StartWith("1 of 4 file(s) could not be read: zz-truncated.json");
        result.Snapshot.Assessments.Should().HaveCount(180, "the three valid runs load as before");
    }

    [Fact]
    public async Task Maester_FixtureFolder_IsActive()
    {
        var result = await RefreshAsync(new MaesterSourceProvider([TestPaths.Fixture("maester")]));

        var outcome = result.Outcomes.Single();
        outcome.Coverage.Status.Should().Be(SourceStatus.Active);
        outcome.Coverage.Parts.Should().HaveCount(3).And.OnlyContain(p => p.Status == SourceStatus.Active);
        outcome.Counts.Assets.Should().Be(1, "one tenant-level asset");
    }
}
