using ExposureSdk.Catalog;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>Exit codes (contracts §2): 0 success, 2 bad input with the file and JSON path on stderr, 3 with --fail-on-drop and a drop.</summary>
public sealed class CliExitCodeTests
{
    [Fact]
    public async Task Events_FailOnDropWithDrops_Exits3()
    {
        var run = await CliRun.RunAsync("events", "--fail-on-drop");

        run.ExitCode.Should().Be(3);
        run.Stdout.Should().Contain(ExposureCatalog.BuiltIn.FindMetric("vulnerability-management")!.Name, "today's browser zero-day drops it");
    }

    [Fact]
    public async Task Report_FailOnDropWithDrops_Exits3()
    {
        var run = await CliRun.RunAsync("report", "--fail-on-drop", "--format", "json");

        run.ExitCode.Should().Be(3);
        run.Stdout.Should().StartWith("{");
    }

    [Fact]
    public async Task Events_FailOnDropWithoutDrops_Exits0()
    {
        // Only the new threat-analytics initiative is left at this threshold: not a score drop.
        var run = await CliRun.RunAsync("events", "--fail-on-drop", "--threshold", "50");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("New initiative");
    }

    [Fact]
    public async Task Events_DropsWithoutFailOnDrop_Exits0()
    {
        var run = await CliRun.RunAsync("events");

        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task NoArguments_RunsTheReport()
    {
        var run = await CliRun.RunAsync();

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Exposure dashboard").And.Contain("Endpoint Security");
    }

    [Theory]
    [InlineData("report", "--bogus")]
    [InlineData("report", "--format", "xml")]
    [InlineData("report", "--threshold", "-1")]
    [InlineData("report", "--threshold", "abc")]
    [InlineData("report", "--state", "Broken")]
    [InlineData("report", "--domain", "Mainframe")]
    [InlineData("report", "--top", "0")]
    [InlineData("explain")]
    [InlineData("explain", "--initiative", "a", "--metric", "b")]
    [InlineData("explain", "--metric", "no-such-metric")]
    [InlineData("plan", "--initiative", "no-such-initiative")]
    [InlineData("report", "--demo", "--snapshot", "x.json")]
    [InlineData("report", "--previous", "x.json")]
    public async Task BadOptions_Exit2WithAMessageOnStderr(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: ");
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--state")]
    [InlineData("--impact")]
    [InlineData("--domain")]
    public async Task AnUnknownLongValue_Exits2_QuotedShort(string option)
    {
        var run = await CliRun.RunAsync(["report", option, new string('x', 4000)]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith($"error: {option}: unknown value '" + new string('x', 79) + "\u2026'");
        run.Stderr.Length.Should().BeLessThan(300, "the value is quoted cut to 80 characters");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Snapshot_MissingFile_Exits2NamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"exposuresdk-missing-{Guid.NewGuid():N}.json");

        var run = await CliRun.RunAsync("report", "--snapshot", path, "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(path);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_Exits0()
    {
        var run = await CliRun.RunAsync("report", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--fail-on-drop").And.Contain("--threshold");
    }
}
