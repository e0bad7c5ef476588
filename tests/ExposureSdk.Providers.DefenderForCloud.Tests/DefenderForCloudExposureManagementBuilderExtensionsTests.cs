using ExposureSdk.Catalog;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

public sealed class DefenderForCloudExposureManagementBuilderExtensionsTests
{
    private static readonly Func<IServiceProvider, Func<CancellationToken, ValueTask<string>>> Token = _ => _ => ValueTask.FromResult(Arm.Token);

    [Fact]
    public async Task AddDefenderForCloud_TokenAndOptions_RefreshDeliversPerResourceAssessments()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 40), new GeneratedSubscription(Arm.Sub2, "B", 24));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        var services = new ServiceCollection();
        services.AddExposureManagement(o =>
        {
            o.TenantId = "contoso";
            o.AddCatalog(ExposureCatalog.BuiltIn);
        }).AddDefenderForCloud(Token, o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ReadPath = DefenderForCloudReadPath.Rest;
        });
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        container.GetRequiredService<IStartupValidator>().Validate();

        var result = await container.GetRequiredService<ExposureRefreshPipeline>().RefreshAsync().WaitAsync(Arm.Bound);

        result.Outcomes.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        result.Snapshot.Recommendations.Select(r => r.Id.Value).Should().BeEquivalentTo(GeneratedTenant.Metadata.Select(m => m.Name));
        result.Snapshot.Assessments.Should().HaveCount(tenant.Assessments.Count());
        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + Arm.Token);
        server.Requests.Count(r => r.Path.EndsWith("/assessmentMetadata", StringComparison.Ordinal)).Should().Be(1, "a refresh is one consistent pull: one read of the source");
    }

    [Fact]
    public async Task AddDefenderForCloud_InvalidOptions_FailStartWithTheOptionNamed()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddDefenderForCloud(Token, o => o.PageSize = 5000);
        await using var container = services.BuildServiceProvider();

        var act = () => container.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*The field DefenderForCloud.PageSize must be between 1 and 1000*", "the generated validator names the options instance");
    }

    [Fact]
    public async Task AddDefenderForCloud_BadSubscriptionIdAndBaseUrl_FailStartAndFirstUseNamingBoth()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddDefenderForCloud(Token, o =>
        {
            o.BaseUrl = new Uri("https://management.azure.com/subscriptions");
            o.Subscriptions.Add("not-a-guid");
        });
        await using var container = services.BuildServiceProvider();

        var atStart = () => container.GetRequiredService<IStartupValidator>().Validate();
        var atFirstUse = () => container.GetRequiredService<ExposureRefreshPipeline>();

        atStart.Should().Throw<OptionsValidationException>()
            .WithMessage("*DefenderForCloudOptions.BaseUrl must be the bare ARM endpoint*")
            .WithMessage("*DefenderForCloudOptions.Subscriptions contains 'not-a-guid'*");
        atFirstUse.Should().Throw<OptionsValidationException>().WithMessage("*not-a-guid*");
    }

    [Fact]
    public void AddDefenderForCloud_CalledTwice_Throws()
    {
        var builder = new ServiceCollection().AddExposureManagement().AddDefenderForCloud(Token);

        var act = () => builder.AddDefenderForCloud(Token);

        act.Should().Throw<InvalidOperationException>().WithMessage("*already called*");
    }

    [Fact]
    public async Task AddDefenderForCloud_OptionsConfiguredByName_AreApplied()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddDefenderForCloud(Token);
        services.Configure<DefenderForCloudOptions>(DefenderForCloudProvider.ProviderName, o => o.BaseUrl = AzureResourceManagerCloud.China);
        await using var container = services.BuildServiceProvider();

        var provider = container.GetServices<ExposureSourceProvider>().OfType<DefenderForCloudProvider>().Single();

        provider.BaseUrl.Host.Should().Be("management.chinacloudapi.cn");
        provider.ReadPath.Should().Be(DefenderForCloudReadPath.ResourceGraph);
    }
}
