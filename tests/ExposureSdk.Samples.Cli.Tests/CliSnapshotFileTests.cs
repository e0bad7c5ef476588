using System.Text.Json;
using ExposureSdk.Demo;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The CLI over snapshot documents (contracts §1): the same results as the demo tenant, and bad input named by file and JSON path.</summary>
public sealed class CliSnapshotFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exposuresdk-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Events_SnapshotAndPreviousFiles_GiveTheDemoTenantsEvents()
    {
        var demo = DemoTenant.Create();
        var today = Write("today.json", demo.Today);
        var yesterday = Write("yesterday.json", demo.GetSnapshot(1));

        var fromFiles = await CliRun.RunAsync("events", "--snapshot", today, "--previous", yesterday, "--format", "json", "--fail-on-drop");
        var fromDemo = await CliRun.RunAsync("events", "--demo", "--format", "json");

        fromFiles.ExitCode.Should().Be(3, fromFiles.Stderr);
        using var files = JsonDocument.Parse(fromFiles.Stdout);
        using var generated = JsonDocument.Parse(fromDemo.Stdout);
        files.RootElement.GetProperty("events").GetRawText().Should().Be(generated.RootElement.GetProperty("events").GetRawText());
        files.RootElement.GetProperty("secureScore").GetRawText().Should().Be(generated.RootElement.GetProperty("secureScore").GetRawText());
    }

    [Fact]
    public async Task Report_SnapshotFileWithoutPrevious_HasNoEventsAndExits0WithFailOnDrop()
    {
        var today = Write("today.json", DemoTenant.Create().Today);

        var run = await CliRun.RunAsync("report", "--snapshot", today, "--format", "json", "--fail-on-drop");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        document.RootElement.GetProperty("events").GetArrayLength().Should().Be(0);
        document.RootElement.GetProperty("tenantId").GetString().Should().Be("contoso-demo");
    }

    [Fact]
    public async Task Report_InvalidDocument_Exits2NamingTheFileAndTheJsonPath()
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, """
            { "schemaVersion": 1, "tenantId": "contoso", "asOf": "2026-11-21T06:00:00Z",
              "recommendations": [ { "id": "mfa-admins", "name": "Require MFA", "source": "Microsoft Secure Score",
                                     "workload": "Microsoft Entra ID", "domain": "Identity", "impact": "Severe" } ] }
            """);

        var run = await CliRun.RunAsync("report", "--snapshot", path, "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain(path).And.Contain("$.recommendations[0].impact");
    }

    [Fact]
    public async Task Events_SnapshotWithoutPrevious_Exits2()
    {
        var today = Write("today.json", DemoTenant.Create().Today);

        var run = await CliRun.RunAsync("events", "--snapshot", today);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--previous");
    }

    [Fact]
    public async Task Events_PreviousNewerThanSnapshot_Exits2()
    {
        var demo = DemoTenant.Create();
        var today = Write("today.json", demo.Today);
        var yesterday = Write("yesterday.json", demo.GetSnapshot(1));

        var run = await CliRun.RunAsync("events", "--snapshot", yesterday, "--previous", today);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(today).And.Contain("$.asOf");
    }

    private string Write(string name, ExposureSnapshot snapshot)
    {
        var path = Path.Combine(_directory, name);
        using var stream = File.Create(path);
        SnapshotDocument.Write(snapshot, stream);
        return path;
    }
}
