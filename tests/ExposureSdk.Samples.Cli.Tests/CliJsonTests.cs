using System.Text.Json;
using ExposureSdk.Catalog;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The JSON output of <c>report</c> and <c>events</c> against contracts §2.</summary>
public sealed class CliJsonTests
{
    private static readonly string[] Weights = ["High", "Medium", "Low", "RiskAccepted"];
    private static readonly string[] States = ["Compliant", "NotCompliant", "MitigatedByOrganization", "NotAvailable"];
    private static readonly string[] Impacts = ["High", "Medium", "Low"];
    private static readonly string[] Domains = ["Devices", "Apps", "Data", "Identity", "Cloud", "SaaS"];
    private static readonly string[] EventKinds = ["MetricScoreDrop", "InitiativeScoreDrop", "NewInitiative"];

    [Fact]
    public async Task Report_FormatJson_WritesExactlyOneObjectMatchingTheContract()
    {
        var run = await CliRun.RunAsync("report", "--format", "json");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        using var document = JsonDocument.Parse(run.Stdout); // throws on anything after the object
        var root = document.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);

        String(root, "tenantId").Should().Be("contoso-demo");
        DateTimeOffset.Parse(String(root, "asOf"), System.Globalization.CultureInfo.InvariantCulture).Should().Be(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));

        var secureScore = root.GetProperty("secureScore");
        Number(secureScore, "achievedPoints");
        Number(secureScore, "maxPoints").Should().BeGreaterThan(0);
        NumberOrNull(secureScore, "percentage").Should().BeInRange(0, 100);

        var initiatives = Array(root, "initiatives");
        initiatives.Should().HaveCountGreaterThan(13);
        foreach (var i in initiatives)
        {
            String(i, "id");
            String(i, "name");
            NumberOrNull(i, "score");
            NumberOrNull(i, "targetScore");
            foreach (var m in Array(i, "metrics"))
            {
                String(m, "id");
                String(m, "weight").Should().BeOneOf(Weights);
                NumberOrNull(m, "contribution");
            }
        }

        var metrics = Array(root, "metrics");
        metrics.Should().HaveCount(ExposureCatalog.BuiltIn.Metrics.Count, "the demo is scored with the built-in catalog");
        foreach (var m in metrics)
        {
            String(m, "id");
            String(m, "name");
            var score = NumberOrNull(m, "score");
            var available = m.GetProperty("available");
            available.ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
            (score is not null).Should().Be(available.GetBoolean(), "a metric has a score exactly when it is available");
            m.GetProperty("affected").GetInt64().Should().BeGreaterThanOrEqualTo(0);
            m.GetProperty("scope").GetInt64().Should().BeGreaterThanOrEqualTo(m.GetProperty("affected").GetInt64());
            String(m, "weight").Should().BeOneOf(Weights);
        }

        var recommendations = Array(root, "recommendations");
        recommendations.Should().HaveCountGreaterThan(140, "JSON lists every recommendation when --top is not given");
        foreach (var r in recommendations)
        {
            String(r, "id");
            String(r, "name");
            String(r, "state").Should().BeOneOf(States);
            String(r, "impact").Should().BeOneOf(Impacts);
            String(r, "source");
            String(r, "workload");
            String(r, "domain").Should().BeOneOf(Domains);
            r.GetProperty("relatedMetrics").GetInt32().Should().BeGreaterThanOrEqualTo(0);
            r.GetProperty("relatedInitiatives").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        }

        var events = Array(root, "events");
        events.Should().NotBeEmpty("the demo tenant always has events today");
        foreach (var e in events)
        {
            String(e, "kind").Should().BeOneOf(EventKinds);
            String(e, "subjectId");
            String(e, "subjectName");
            NumberOrNull(e, "previousScore");
            NumberOrNull(e, "currentScore");
            NumberOrNull(e, "drop");
            DateTimeOffset.Parse(String(e, "date"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task Report_FormatJson_AbsentScoresAreNullNotZero()
    {
        var root = await ReportJson();

        var ot = Array(root, "initiatives").Single(i => String(i, "id") == "ot-security");
        ot.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Null);
        var otMetric = Array(root, "metrics").Single(m => String(m, "id") == "ot-devices");
        otMetric.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Null);
        otMetric.GetProperty("available").GetBoolean().Should().BeFalse();
        var newInitiative = Array(root, "events").First(e => String(e, "kind") == "NewInitiative");
        newInitiative.GetProperty("previousScore").ValueKind.Should().Be(JsonValueKind.Null);
        newInitiative.GetProperty("drop").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Report_FormatJson_ScoresKeepFullPrecision()
    {
        var root = await ReportJson();

        var scores = Array(root, "metrics").Select(m => NumberOrNull(m, "score")).OfType<double>().ToList();
        scores.Should().Contain(s => Math.Abs((s * 100) - Math.Round(s * 100)) > 1e-6, "scores are not rounded to two decimals");
    }

    [Fact]
    public async Task Report_FormatJson_FavoritesComeFirst()
    {
        var initiatives = Array(await ReportJson(), "initiatives");

        var favorites = initiatives.Select(i => i.GetProperty("favorite").GetBoolean()).ToList();
        favorites.Should().BeInDescendingOrder();
        favorites.Should().Contain(true);
    }

    [Fact]
    public async Task Report_FormatJson_EventsIncludeTodaysMetricAndInitiativeDrops()
    {
        var events = Array(await ReportJson(), "events");

        var today = events.Where(e => String(e, "date").StartsWith("2026-11-21", StringComparison.Ordinal)).ToList();
        today.Select(e => String(e, "kind")).Should().Contain(EventKinds);
        today.Where(e => String(e, "kind") != "NewInitiative").Should().OnlyContain(e => NumberOrNull(e, "drop") >= 2 - 1e-9);
        today.Should().Contain(e => String(e, "subjectId") == "vulnerability-management", "today's browser zero-day drops the catalog's vulnerability metric");
    }

    [Theory]
    [InlineData("--state", "Compliant", "state", "Compliant")]
    [InlineData("--impact", "low", "impact", "Low")]
    [InlineData("--domain", "SaaS", "domain", "SaaS")]
    [InlineData("--workload", "intune", "workload", "Intune")]
    [InlineData("--recommendation-source", "CIS", "source", "CIS Benchmark")]
    public async Task Report_Filter_KeepsOnlyMatchingRecommendations(string option, string value, string field, string expected)
    {
        var run = await CliRun.RunAsync("report", "--format", "json", option, value);

        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        var recommendations = Array(document.RootElement, "recommendations");
        recommendations.Should().NotBeEmpty().And.OnlyContain(r => String(r, field) == expected);
    }

    [Fact]
    public async Task Report_SearchAndTop_LimitTheList()
    {
        var run = await CliRun.RunAsync("report", "--format", "json", "--search", "mfa", "--top", "2");

        using var document = JsonDocument.Parse(run.Stdout);
        var recommendations = Array(document.RootElement, "recommendations");
        recommendations.Should().HaveCount(2).And.OnlyContain(r =>
            String(r, "name").Contains("mfa", StringComparison.OrdinalIgnoreCase) || String(r, "id").Contains("mfa", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Events_Demo_ListsOnlyTodaysComparison()
    {
        var run = await CliRun.RunAsync("events", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        var events = Array(document.RootElement, "events");
        events.Should().NotBeEmpty().And.OnlyContain(e => String(e, "date").StartsWith("2026-11-21", StringComparison.Ordinal));
        String(document.RootElement, "previousAsOf").Should().StartWith("2026-11-20");
    }

    [Fact]
    public async Task Events_ThresholdOption_ChangesWhichDropsAreEvents()
    {
        using var strict = JsonDocument.Parse((await CliRun.RunAsync("events", "--format", "json", "--threshold", "0.5")).Stdout);
        using var lenient = JsonDocument.Parse((await CliRun.RunAsync("events", "--format", "json", "--threshold", "10")).Stdout);

        var many = Array(strict.RootElement, "events").Count;
        var few = Array(lenient.RootElement, "events");
        many.Should().BeGreaterThan(few.Count);
        few.Where(e => String(e, "kind") != "NewInitiative").Should().OnlyContain(e => NumberOrNull(e, "drop") >= 10);
    }

    [Fact]
    public async Task Explain_Initiative_ContributionsAddUpToTheScore()
    {
        var run = await CliRun.RunAsync("explain", "--initiative", "endpoint-security", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        var contributions = Array(root, "metrics").Select(m => NumberOrNull(m, "contribution") ?? 0).Sum();
        contributions.Should().BeApproximately(NumberOrNull(root, "score")!.Value, 1e-9);
    }

    [Fact]
    public async Task Explain_Metric_ScoreIsOneHundredMinusExposure()
    {
        var run = await CliRun.RunAsync("explain", "--metric", "vulnerability-management", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        var affected = root.GetProperty("affected").GetInt64();
        var scope = root.GetProperty("scope").GetInt64();
        NumberOrNull(root, "score").Should().BeApproximately(100.0 - (100.0 * affected / scope), 1e-9);
        Array(root, "recommendations").Should().NotBeEmpty();
        Array(root, "topAffectedAssetIds").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Plan_Json_ListsAtMostTopStepsWithPositiveGains()
    {
        var run = await CliRun.RunAsync("plan", "--format", "json", "--top", "5");

        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        var steps = Array(document.RootElement, "steps");
        steps.Should().HaveCount(5);
        steps.Should().OnlyContain(s => NumberOrNull(s, "totalInitiativeGain") > 0);
    }

    private static async Task<JsonElement> ReportJson()
    {
        var run = await CliRun.RunAsync("report", "--format", "json");
        run.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static string String(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        value.ValueKind.Should().Be(JsonValueKind.String, $"'{name}' is a string");
        return value.GetString()!;
    }

    private static double Number(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        value.ValueKind.Should().Be(JsonValueKind.Number, $"'{name}' is a number");
        return value.GetDouble();
    }

    private static double? NumberOrNull(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        value.ValueKind.Should().BeOneOf([JsonValueKind.Number, JsonValueKind.Null], $"'{name}' is a number or null");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
    }

    private static List<JsonElement> Array(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        value.ValueKind.Should().Be(JsonValueKind.Array, $"'{name}' is an array");
        return [.. value.EnumerateArray()];
    }
}
