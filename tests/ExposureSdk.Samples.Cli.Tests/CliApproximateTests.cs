using System.Text.Json;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>
/// Rules §3, approximate metrics in the command-line outputs: <c>metrics[].approximate</c> and
/// <c>initiatives[].approximate</c> in JSON (an addition to contracts §2), and a ≈ mark beside the score
/// with a footnote in the table and markdown outputs.
/// </summary>
public sealed class CliApproximateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exposuresdk-cli-approx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ApproximateMetric_Json_MarksTheMetricAndItsInitiative()
    {
        var path = WriteSnapshot();

        var run = await CliRun.RunAsync("report", "--snapshot", path, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var metrics = document.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        metrics["summed"].GetProperty("approximate").GetBoolean().Should().BeTrue();
        metrics["summed"].GetProperty("scope").GetInt64().Should().Be(20);
        metrics["exact"].GetProperty("approximate").GetBoolean().Should().BeFalse();
        var initiatives = document.RootElement.GetProperty("initiatives").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        initiatives["with-summed"].GetProperty("approximate").GetBoolean().Should().BeTrue();
        initiatives["exact-only"].GetProperty("approximate").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task ApproximateMetric_TableAndMarkdown_ShowTheMarkAndExplainIt(string format)
    {
        var path = WriteSnapshot();

        var run = await CliRun.RunAsync("report", "--snapshot", path, "--format", format);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("85.00 ≈", "the summed metric scores 100 − 100 × 3 / 20 and is marked");
        run.Stdout.Should().Contain("≈ approximate: the score sums result counts");
        run.Stdout.Should().NotContain("100.00 ≈", "the exact metric carries no mark");
    }

    [Fact]
    public async Task NoApproximateScore_NoFootnote()
    {
        var path = WriteSnapshot(secondCount: false);

        var run = await CliRun.RunAsync("report", "--snapshot", path, "--format", "markdown");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain("≈");
    }

    [Fact]
    public async Task Explain_ApproximateMetric_ShowsTheMarkAndTheJsonField()
    {
        var path = WriteSnapshot();

        var table = await CliRun.RunAsync("explain", "--snapshot", path, "--metric", "summed");
        var json = await CliRun.RunAsync("explain", "--snapshot", path, "--metric", "summed", "--format", "json");

        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Should().Contain("85.00 ≈");
        using var document = JsonDocument.Parse(json.Stdout);
        document.RootElement.GetProperty("approximate").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task ApproximateMetric_DropEvent_IsMarkedInJsonAndTable()
    {
        var today = WriteSnapshot(c1Affected: 6, file: "today.json");
        var yesterday = WriteSnapshot(c1Affected: 0, file: "yesterday.json", days: -1);

        var json = await CliRun.RunAsync("events", "--snapshot", today, "--previous", yesterday, "--format", "json");
        var table = await CliRun.RunAsync("events", "--snapshot", today, "--previous", yesterday);

        json.ExitCode.Should().Be(0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        var events = document.RootElement.GetProperty("events").EnumerateArray().ToList();
        events.Single(e => e.GetProperty("subjectId").GetString() == "summed").GetProperty("approximate").GetBoolean().Should().BeTrue();
        table.Stdout.Should().Contain("65.00 ≈", "100 − 100 × (6 + 1) / 20").And.Contain("≈ approximate:");
    }

    private string WriteSnapshot(bool secondCount = true, int c1Affected = 2, string file = "snapshot.json", int days = 0)
    {
        Recommendation Rec(string id, ResultCounts? counts) => new(id, "Recommendation " + id, "Microsoft Secure Score", "Intune", "Devices", Impact.High, maxPoints: 10, counts: counts);
        var recommendations = new List<Recommendation> { Rec("c1", new ResultCounts(c1Affected, 10)), Rec("p1", null) };
        var summedMembers = new List<RecommendationId> { "c1" };
        if (secondCount)
        {
            recommendations.Add(Rec("c2", new ResultCounts(1, 10)));
            summedMembers.Add("c2");
        }

        var snapshot = new ExposureSnapshot(
            "approx-tenant",
            new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero).AddDays(days),
            recommendations,
            [new Asset("a1", AssetKind.Device)],
            [new Assessment("p1", "a1", AssessmentStatus.Healthy)],
            [new Metric("summed", "Summed counts", MetricWeight.High, summedMembers), new Metric("exact", "Per-asset only", MetricWeight.Medium, [(RecommendationId)"p1"])],
            [
                new Initiative("with-summed", "With the summed metric", InitiativeKind.Workload, [(MetricId)"summed", (MetricId)"exact"], null, null),
                new Initiative("exact-only", "Exact only", InitiativeKind.Workload, [(MetricId)"exact"], null, null),
            ]);
        var path = Path.Combine(_directory, file);
        using var stream = File.Create(path);
        SnapshotDocument.Write(snapshot, stream);
        return path;
    }
}
