using System.Text.Json;
using ExposureSdk.Providers.DefenderForCloud.Tests;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>
/// Several sources in one run (contracts §2, "Sources"): <c>--source</c> repeated, Defender for Cloud over a
/// loopback ARM server, OCSF and Maester files, the <c>sources</c> array of <c>--format json</c>, the source
/// statuses in the table, and <c>export --format ocsf</c>. No real network.
/// </summary>
public sealed class CliSourcesTests
{
    private const string Sub1 = "11111111-1111-4111-8111-111111111111";
    private const string Sub2 = "22222222-2222-4222-8222-222222222222";
    private const string Sub3 = "33333333-3333-4333-8333-333333333333";
    private const string ArmToken = "arm-secret-token-value";
    private const string GraphToken = "graph-secret-token-value";

    private static readonly string[] Statuses = ["Active", "Limited", "Inactive", "Failed"];

    private static string Fixture(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
            {
                return Path.Combine([dir.FullName, "tests", "fixtures", .. parts]);
            }
        }

        throw new InvalidOperationException("ExposureSdk.sln was not found.");
    }

    /// <summary>Sets uniquely named token variables for the test and removes them after.</summary>
    private sealed class Tokens : IDisposable
    {
        public string Arm { get; } = "EXPOSURESDK_TEST_ARM_" + Guid.NewGuid().ToString("N");

        public string Graph { get; } = "EXPOSURESDK_TEST_GRAPH_" + Guid.NewGuid().ToString("N");

        public Tokens()
        {
            Environment.SetEnvironmentVariable(Arm, ArmToken);
            Environment.SetEnvironmentVariable(Graph, GraphToken);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(Arm, null);
            Environment.SetEnvironmentVariable(Graph, null);
        }
    }

    /// <summary>Serves the Graph documentation fixtures (control profiles and secure scores) on the loopback server.</summary>
    private static Task<ArmResponse> GraphFixtures(ArmRequest request, CancellationToken cancellationToken)
    {
        var file = request.Path.EndsWith("/security/secureScoreControlProfiles", StringComparison.Ordinal) ? "secureScoreControlProfiles.v1.example.json"
            : request.Path.EndsWith("/security/secureScores", StringComparison.Ordinal) ? "secureScores.v1.example.json"
            : null;
        return Task.FromResult(file is null ? ArmResponse.Error(404, "NotFound") : ArmResponse.Json(File.ReadAllText(Fixture("graph", file))));
    }

    private static JsonElement Source(JsonDocument json, string name)
        => json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Report_DefenderForCloudWithCspmOffOnOneSubscription_SourcesSayLimitedCloudData()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Sub1, "Production", 60), new GeneratedSubscription(Sub2, "Foundational", 40, CspmOn: false));
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync("report", "--source", "defender-for-cloud", "--arm-base-url", arm.BaseUrl.ToString(), "--arm-access-token-env", tokens.Arm, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain(ArmToken);
        run.Stderr.Should().NotContain(ArmToken);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("sources").GetArrayLength().Should().Be(1);
        var defender = Source(json, "defender-for-cloud");
        defender.GetProperty("status").GetString().Should().Be("Limited");
        defender.GetProperty("detail").GetString().Should().StartWith("limited cloud data: Defender CSPM is off on 1 of 2 subscription(s)");
        defender.GetProperty("recommendations").GetInt64().Should().Be(GeneratedTenant.Metadata.Length);
        defender.GetProperty("assets").GetInt64().Should().Be(100);
        defender.GetProperty("assessments").GetInt64().Should().Be(tenant.Assessments.Count(a => a.Status != "NotApplicable"));
        var (current1, max1) = tenant.ExpectedPoints(Sub1);
        var (current2, max2) = tenant.ExpectedPoints(Sub2);
        var score = defender.GetProperty("score");
        score.GetProperty("achievedPoints").GetDouble().Should().BeApproximately(current1 + current2, 1e-9);
        score.GetProperty("maxPoints").GetDouble().Should().Be(max1 + max2);
        var parts = defender.GetProperty("parts").EnumerateArray().ToList();
        parts.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("status").GetString())).Should().Equal((Sub1, "Active"), (Sub2, "Limited"));
        json.RootElement.GetProperty("recommendations").EnumerateArray().Should().OnlyContain(r => r.GetProperty("source").GetString() == "Microsoft Defender for Cloud");
        arm.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Header("Authorization") == "Bearer " + ArmToken);
        arm.Requests.Should().Contain(r => r.Method == "POST" && r.Path.EndsWith("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase), "resource-graph is the default read path");
    }

    [Fact]
    public async Task Report_DefenderForCloudTable_ShowsTheSourceStatusAndLimitedCloudData()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Sub1, "Foundational", 30, CspmOn: false));
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync("report", "--source", "defender-for-cloud", "--arm-base-url", arm.BaseUrl.ToString(), "--arm-access-token-env", tokens.Arm);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Sources").And.Contain("defender-for-cloud").And.Contain("Limited").And.Contain("limited cloud data");
    }

    [Fact]
    public async Task Report_RestPathAndGivenSubscriptions_ReadsOnlyThoseOverRest()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Sub1, "A", 20), new GeneratedSubscription(Sub2, "B", 20), new GeneratedSubscription(Sub3, "C", 20));
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync(
            "report", "--source", "defender-for-cloud", "--arm-base-url", arm.BaseUrl.ToString(), "--arm-access-token-env", tokens.Arm,
            "--defender-read-path", "rest", "--subscription", Sub1, "--subscription", Sub3, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var defender = Source(json, "defender-for-cloud");
        defender.GetProperty("status").GetString().Should().Be("Active");
        defender.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal(Sub1, Sub3);
        defender.GetProperty("assets").GetInt64().Should().Be(40);
        arm.Requests.Should().NotContain(r => r.Method == "POST", "the REST path does not use Resource Graph");
        arm.Requests.Should().NotContain(r => r.Path.Contains(Sub2, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_GraphAndDefenderForCloud_OneCatalogWithBothSourcesAndTheirScoresSeparately()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Sub1, "Production", 50));
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);
        await using var graph = new LoopbackArmServer(GraphFixtures);
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync(
            "report", "--source", "graph", "--source", "defender-for-cloud",
            "--graph-base-url", graph.BaseUrl + "v1.0", "--access-token-env", tokens.Graph,
            "--arm-base-url", arm.BaseUrl.ToString(), "--arm-access-token-env", tokens.Arm, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToList();
        sources.Select(s => s.GetProperty("name").GetString()).Should().Equal("graph", "defender-for-cloud");
        sources.Should().OnlyContain(s => Statuses.Contains(s.GetProperty("status").GetString()));
        var secureScore = Source(json, "graph").GetProperty("score");
        var defenderScore = Source(json, "defender-for-cloud").GetProperty("score");
        secureScore.GetProperty("maxPoints").GetDouble().Should().NotBe(defenderScore.GetProperty("maxPoints").GetDouble(), "Secure Score and the Defender for Cloud score are reported separately");
        defenderScore.GetProperty("maxPoints").GetDouble().Should().Be(tenant.ExpectedPoints(Sub1).Max);
        var recommendations = json.RootElement.GetProperty("recommendations").EnumerateArray().ToList();
        recommendations.Select(r => r.GetProperty("source").GetString()).Distinct().Should().BeEquivalentTo(["Microsoft Secure Score", "Microsoft Defender for Cloud"]);
        recommendations.Should().Contain(r => r.GetProperty("id").GetString() == "DLPEnabled");
        recommendations.Should().Contain(r => r.GetProperty("id").GetString() == GeneratedTenant.Metadata[0].Name);
        graph.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + GraphToken, "each token goes only to its own service");
        arm.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + ArmToken);
        json.RootElement.GetProperty("secureScore").GetProperty("maxPoints").GetDouble().Should().BeGreaterThan(0, "the top-level Secure Score is Graph's");
    }

    [Fact]
    public async Task Report_GraphAloneWithoutADailySecureScore_SourceIsInactiveAndNothingIsShown()
    {
        await using var graph = new LoopbackArmServer((r, ct) => r.Path.EndsWith("/security/secureScores", StringComparison.Ordinal)
            ? Task.FromResult(ArmResponse.Json("""{"value":[]}"""))
            : GraphFixtures(r, ct));
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync("report", "--source", "graph", "--graph-base-url", graph.BaseUrl + "v1.0", "--access-token-env", tokens.Graph, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var source = Source(json, "graph");
        source.GetProperty("status").GetString().Should().Be("Inactive");
        source.GetProperty("detail").GetString().Should().Contain("no daily Secure Score at all");
        json.RootElement.GetProperty("recommendations").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Report_GraphAlone_SourceIsActiveWithGraphsOwnPoints()
    {
        await using var graph = new LoopbackArmServer(GraphFixtures);
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync("report", "--source", "graph", "--graph-base-url", graph.BaseUrl + "v1.0", "--access-token-env", tokens.Graph, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var source = Source(json, "graph");
        source.GetProperty("status").GetString().Should().Be("Active");
        using var fixture = JsonDocument.Parse(File.ReadAllText(Fixture("graph", "secureScores.v1.example.json")));
        var latest = fixture.RootElement.GetProperty("value")[0];
        source.GetProperty("score").GetProperty("maxPoints").GetDouble().Should().Be(latest.GetProperty("maxScore").GetDouble(), "Graph's own points");
        source.GetProperty("recommendations").GetInt64().Should().Be(json.RootElement.GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public async Task Report_OcsfAndMaester_TwoSourcesInOneCatalog()
    {
        var run = await CliRun.RunAsync("report", "--source", "ocsf", "--ocsf-path", Fixture("prowler"), "--source", "maester", "--maester-path", Fixture("maester"), "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var ocsf = Source(json, "ocsf");
        var maester = Source(json, "maester");
        ocsf.GetProperty("status").GetString().Should().Be("Active");
        maester.GetProperty("status").GetString().Should().Be("Active");
        maester.GetProperty("recommendations").GetInt64().Should().Be(180);
        maester.GetProperty("assets").GetInt64().Should().Be(1);
        maester.GetProperty("parts").GetArrayLength().Should().Be(3);
        ocsf.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Null, "a scanner has no points of its own");
        var ids = json.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        ids.Should().Contain("AD-DCD-03").And.Contain("apikeys_key_exists");
    }

    [Fact]
    public async Task Report_OcsfFolderWithAMalformedFile_IsLimitedNamingTheFileAndStillShowsTheValidOnes()
    {
        using var dir = new TempDirectory();
        File.Copy(Fixture("prowler", "example_output_gcp.csv"), Path.Combine(dir.Path, "gcp.csv"));
        File.WriteAllText(Path.Combine(dir.Path, "broken.json"), "[{\"class_uid\":2004,");

        var run = await CliRun.RunAsync("report", "--source", "ocsf", "--ocsf-path", dir.Path, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain("broken.json could not be read and was left out");
        using var json = JsonDocument.Parse(run.Stdout);
        var ocsf = Source(json, "ocsf");
        ocsf.GetProperty("status").GetString().Should().Be("Limited");
        ocsf.GetProperty("detail").GetString().Should().StartWith("1 of 2 file(s) could not be read: broken.json");
        json.RootElement.GetProperty("recommendations").EnumerateArray().Should().Contain(r => r.GetProperty("id").GetString() == "apikeys_key_exists");
    }

    [Fact]
    public async Task Report_HostileFileName_IsShownAsPlainTextInTheTable()
    {
        using var dir = new TempDirectory();
        File.Copy(Fixture("prowler", "example_output_gcp.csv"), Path.Combine(dir.Path, "gcp.csv"));
        File.WriteAllText(Path.Combine(dir.Path, "[blink]x\u001b[2J.json"), "{");

        var run = await CliRun.RunAsync("report", "--source", "ocsf", "--ocsf-path", dir.Path);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Limited").And.Contain("[blink]x").And.NotContain("\u001b[2J", "control characters from a source never reach the terminal");
    }

    [Fact]
    public async Task Report_EverySourceFails_ExitsTwoNamingEach()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("report", "--source", "ocsf", "--ocsf-path", Path.Combine(dir.Path, "missing"), "--source", "maester", "--maester-path", dir.Path);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--source ocsf:").And.Contain("missing").And.Contain("--source maester:");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_OneSourceFailsBesideAnother_ShowsTheOtherAndReportsTheFailure()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("report", "--source", "maester", "--maester-path", Fixture("maester"), "--source", "ocsf", "--ocsf-path", dir.Path, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain("warning: --source ocsf could not be read");
        using var json = JsonDocument.Parse(run.Stdout);
        Source(json, "ocsf").GetProperty("status").GetString().Should().Be("Failed");
        Source(json, "maester").GetProperty("status").GetString().Should().Be("Active");
    }

    [Fact]
    public async Task Report_DefaultDemo_HasOneActiveDemoSource()
    {
        var run = await CliRun.RunAsync("report", "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var demo = json.RootElement.GetProperty("sources").EnumerateArray().Should().ContainSingle().Subject;
        demo.GetProperty("name").GetString().Should().Be("demo");
        demo.GetProperty("status").GetString().Should().Be("Active");
        demo.GetProperty("recommendations").GetInt64().Should().Be(json.RootElement.GetProperty("recommendations").GetArrayLength());
        demo.GetProperty("parts").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData(new[] { "report", "--source", "defender-for-cloud", "--auth", "token-env" }, "--arm-access-token-env")]
    [InlineData(new[] { "report", "--source", "defender-for-cloud", "--auth", "azure-cli", "--arm-access-token-env", "X" }, "--arm-access-token-env goes with --auth token-env")]
    [InlineData(new[] { "report", "--arm-access-token-env", "X" }, "--arm-access-token-env goes with --source defender-for-cloud")]
    [InlineData(new[] { "report", "--source", "defender-for-cloud", "--arm-access-token-env", "EXPOSURESDK_TEST_SURELY_UNSET_VARIABLE" }, "EXPOSURESDK_TEST_SURELY_UNSET_VARIABLE")]
    [InlineData(new[] { "report", "--source", "ocsf" }, "--ocsf-path")]
    [InlineData(new[] { "report", "--source", "maester" }, "--maester-path")]
    [InlineData(new[] { "report", "--ocsf-path", "x.json" }, "--ocsf-path goes with --source ocsf")]
    [InlineData(new[] { "report", "--subscription", "11111111-1111-4111-8111-111111111111" }, "--subscription goes with --source defender-for-cloud")]
    [InlineData(new[] { "report", "--source", "ocsf", "--ocsf-path", "x", "--defender-read-path", "rest" }, "--defender-read-path goes with --source defender-for-cloud")]
    [InlineData(new[] { "report", "--source", "defender-for-cloud", "--defender-read-path", "graph" }, "resource-graph")]
    [InlineData(new[] { "report", "--source", "ocsf", "--ocsf-path", "x", "--previous", "a.json" }, "--previous")]
    [InlineData(new[] { "report", "--source", "ocsf", "--ocsf-path", "x", "--snapshot", "a.json" }, "--snapshot goes with --source file")]
    [InlineData(new[] { "report", "--source", "ocsf", "--ocsf-path", "x", "--source", "graph" }, "--access-token-env")]
    [InlineData(new[] { "report", "--source", "splunk" }, "splunk")]
    [InlineData(new[] { "report", "--format", "ocsf" }, "--format ocsf goes with the export command")]
    [InlineData(new[] { "export", "--format", "json" }, "not an export format")]
    public async Task BadSourceOptions_ExitTwoNamingTheProblem(string[] args, string named)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(named);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_DefenderWithARelativeArmBaseUrl_ExitsTwo()
    {
        using var tokens = new Tokens();

        var run = await CliRun.RunAsync("report", "--source", "defender-for-cloud", "--arm-base-url", "management.azure.com", "--arm-access-token-env", tokens.Arm);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--arm-base-url");
        run.Stderr.Should().NotContain(ArmToken);
    }

    [Fact]
    public async Task Export_OcsfToAFile_WritesOneComplianceFindingPerAssessedResultAtomically()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "findings.jsonl");
        File.WriteAllText(output, "old content");

        var run = await CliRun.RunAsync("export", "--format", "ocsf", "--output", output, "--source", "maester", "--maester-path", Fixture("maester"));

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        var lines = File.ReadAllLines(output);
        lines.Should().HaveCount(180, "one record per per-asset result of the 180 Maester tests");
        run.Stderr.Should().Contain("180 OCSF Compliance Finding record(s) written");
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            record.RootElement.GetProperty("class_uid").GetInt32().Should().Be(2003);
            record.RootElement.GetProperty("compliance").ValueKind.Should().Be(JsonValueKind.Object);
        }

        Directory.GetFiles(dir.Path).Should().Equal([output], "the temporary file was renamed over the output");
    }

    [Fact]
    public async Task Export_WithoutOutput_WritesJsonLinesToStandardOutputOnly()
    {
        var run = await CliRun.RunAsync("export", "--source", "ocsf", "--ocsf-path", Fixture("prowler", "example_output_gcp.csv"));

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        lines.Should().OnlyContain(l => JsonDocument.Parse(l, default).RootElement.GetProperty("class_uid").GetInt32() == 2003);
    }

    [Fact]
    public async Task Export_ToAFolderThatDoesNotExist_ExitsTwoNamingTheOutput()
    {
        var output = Path.Combine(Path.GetTempPath(), "exposuresdk-no-such-folder-" + Guid.NewGuid().ToString("N"), "out.jsonl");

        var run = await CliRun.RunAsync("export", "--output", output);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--output");
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exposuresdk-cli-" + Guid.NewGuid().ToString("N"));

        public TempDirectory() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
