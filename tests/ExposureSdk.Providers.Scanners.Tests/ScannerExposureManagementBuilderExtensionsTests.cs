using ExposureSdk.Catalog;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary><c>AddOcsfFindings</c> and <c>AddMaesterResults</c>: named <see cref="ScanFilesOptions"/> validated at start, one provider each.</summary>
public sealed class ScannerExposureManagementBuilderExtensionsTests
{
    private static ServiceProvider Build(Action<IExposureManagementBuilder> add)
    {
        var services = new ServiceCollection();
        add(services.AddExposureManagement(o =>
        {
            o.TenantId = "contoso";
            o.SeedHistoryFromSources = false;
            o.AddCatalog(ExposureCatalog.BuiltIn);
        }));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task AddOcsfFindingsAndAddMaesterResults_FixtureFolders_OneRefreshReadsBoth()
    {
        await using var container = Build(b => b
            .AddOcsfFindings(o => o.Paths.Add(TestPaths.Fixture("prowler")))
            .AddMaesterResults(o => o.Paths.Add(TestPaths.Fixture("maester"))));
        container.GetRequiredService<IStartupValidator>().Validate();

        var result = await container.GetRequiredService<ExposureRefreshPipeline>().RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        result.Outcomes.Select(o => (o.ProviderName, o.Succeeded, o.Coverage.Status)).Should().Equal(("OCSF", true, SourceStatus.Active), ("Maester", true, SourceStatus.Active));
        result.Snapshot.Recommendations.Should().Contain(r => r.Id.Value == "AD-DCD-03").And.Contain(r => r.Id.Value == "apikeys_key_exists");
    }

    [Fact]
    public async Task AddOcsfFindings_FolderWithAMalformedFile_StartsAndTheRefreshIsLimitedNamingTheFile()
    {
        using var dir = new TempFolder();
        File.Copy(TestPaths.Fixture("prowler", "example_output_gcp.csv"), Path.Combine(dir.Path, "gcp.csv"));
        dir.Write("truncated.json", "[{\"class_uid\":2004,\"metadata\":");
        await using var container = Build(b => b.AddOcsfFindings(o => o.Paths.Add(dir.Path), name: "prowler-gcp"));
        container.GetRequiredService<IStartupValidator>().Validate();

        var result = await container.GetRequiredService<ExposureRefreshPipeline>().RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var outcome = result.FindOutcome("prowler-gcp")!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().Contain("truncated.json");
        result.Warnings.Should().Contain(w => w.StartsWith("Provider 'prowler-gcp': truncated.json could not be read", StringComparison.Ordinal));
        result.Snapshot.Recommendations.Should().Contain(r => r.Id.Value == "apikeys_key_exists", "the valid file still loads");
    }

    [Fact]
    public async Task AddOcsfFindings_NoPath_FailsStartNamingTheOption()
    {
        await using var container = Build(b => b.AddOcsfFindings());

        var act = () => container.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ScanFilesOptions.Paths needs at least one file or folder*");
    }

    [Theory]
    [InlineData(" ", "Paths[0] is empty")]
    [InlineData("a\0b", "Paths[0] contains a NUL character")]
    public async Task AddMaesterResults_BadPath_FailsStartNamingThePath(string path, string named)
    {
        await using var container = Build(b => b.AddMaesterResults(o => o.Paths.Add(path)));

        var act = () => container.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{named}*");
    }

    [Fact]
    public async Task AddMaesterResults_TooManyPaths_FailsStart()
    {
        await using var container = Build(b => b.AddMaesterResults(o =>
        {
            for (var i = 0; i <= ScanFilesOptions.MaxPaths; i++)
            {
                o.Paths.Add("run-" + i + ".json");
            }
        }));

        var act = () => container.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*at most 1000*");
    }

    [Fact]
    public async Task AddOcsfFindings_OptionsFromConfigurationByName_AreTheProvidersPaths()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement(o => o.TenantId = "contoso").AddOcsfFindings(name: "aws");
        services.Configure<ScanFilesOptions>("aws", o => o.Paths.Add(TestPaths.Fixture("prowler", "example_output_aws.csv")));
        await using var container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();

        var provider = container.GetRequiredService<ExposureRefreshPipeline>().Providers.Should().ContainSingle().Subject.Should().BeOfType<OcsfSourceProvider>().Subject;

        provider.Name.Should().Be("aws");
        provider.Paths.Should().Equal(Path.GetFullPath(TestPaths.Fixture("prowler", "example_output_aws.csv")));
    }

    [Fact]
    public void AddOcsfFindings_SameNameTwice_Throws_AndTwoNamesAreFine()
    {
        var builder = new ServiceCollection().AddExposureManagement().AddOcsfFindings(o => o.Paths.Add("a"), name: "aws");

        builder.Invoking(b => b.AddOcsfFindings(o => o.Paths.Add("b"), name: "aws")).Should().Throw<InvalidOperationException>().WithMessage("*'aws' was already added*");
        builder.Invoking(b => b.AddOcsfFindings(o => o.Paths.Add("b"), name: "gcp")).Should().NotThrow();
        builder.Invoking(b => b.AddMaesterResults(name: " ")).Should().Throw<ArgumentException>();
    }
}
