using ExposureSdk.Catalog;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed class MicrosoftGraphExposureManagementBuilderExtensionsTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2); // a hang guard, generous for a loaded machine
    private static readonly Func<IServiceProvider, Func<CancellationToken, ValueTask<string>>> Token = _ => _ => ValueTask.FromResult("token-di");

    private static LoopbackGraphServer FixtureServer() => new(LoopbackGraphServer.Routes(
        ("security/secureScoreControlProfiles", GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
        ("security/secureScores", GraphTestAdapters.Fixture("secureScores.v1.example.json"))));

    private static void WithBuiltInCatalog(ExposureRefreshPipelineOptions options)
    {
        options.TenantId = "contoso";
        options.AddCatalog(ExposureCatalog.BuiltIn);
    }

    private static async Task<RefreshResult> StartAndRefresh(ServiceProvider services)
    {
        services.GetRequiredService<IStartupValidator>().Validate();
        return await services.GetRequiredService<ExposureRefreshPipeline>().RefreshAsync().WaitAsync(TestTimeout);
    }

    private static void ShouldHaveScoredTheDlpControl(RefreshResult result)
    {
        result.Outcomes.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        result.Outcomes[0].ProviderName.Should().Be(MicrosoftGraphSecureScoreProvider.ProviderName);
        result.Snapshot.Recommendations.Select(r => r.Id.Value).Should().Equal("DLPEnabled");
        result.Provenance[new RecommendationId("DLPEnabled")].Should().Equal(MicrosoftGraphSecureScoreProvider.ProviderName);
        result.Report.SecureScore.Percentage.Should().Be(100, "DLPEnabled is fully scored");
        result.Report.FindMetric("data-exfiltration")!.Score.Should().Be(100, "the built-in catalog's metric selects DLPEnabled by threat");
        result.Report.FindInitiative("ransomware-protection")!.Score.Should().Be(100);
        result.Report.FindInitiative("identity-security")!.Score.Should().BeNull("no Graph control feeds it");
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_BaseUrlAndToken_RefreshScoresTheGraphRecommendations()
    {
        await using var server = FixtureServer();
        var services = new ServiceCollection();
        services.AddExposureManagement(WithBuiltInCatalog)
            .AddMicrosoftGraphSecureScore(server.BaseUrl, Token, o => o.HistoryDays = 30);
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var result = await StartAndRefresh(container);

        ShouldHaveScoredTheDlpControl(result);
        // Today (profiles, $top=1), then, because the history store was empty, the history (profiles, $top=HistoryDays).
        server.Requests.Should().HaveCount(4).And.OnlyContain(r => r.Header("Authorization") == "Bearer token-di");
        server.Requests.Select(r => r.Target).Should().Contain(["/v1.0/security/secureScores?$top=1", "/v1.0/security/secureScores?$top=30"], "HistoryDays is configured as 30");
        container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single().BaseUrl.Should().Be(server.BaseUrl);
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_RequestAdapterFromTheContainer_RefreshScoresTheGraphRecommendations()
    {
        await using var server = FixtureServer();
        var services = new ServiceCollection();
        services.AddSingleton(_ => GraphTestAdapters.UserAdapter());
        services.AddExposureManagement(WithBuiltInCatalog)
            .AddMicrosoftGraphSecureScore(sp => sp.GetRequiredService<HttpClientRequestAdapter>(), o => o.BaseUrl = server.BaseUrl);
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var result = await StartAndRefresh(container);

        ShouldHaveScoredTheDlpControl(result);
        server.Requests.Should().HaveCount(4, "today's two reads, then the history's two on the first refresh");
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_OptionsConfiguredByName_AreApplied()
    {
        await using var server = FixtureServer();
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(server.BaseUrl, Token);
        services.Configure<MicrosoftGraphProviderOptions>(MicrosoftGraphSecureScoreProvider.ProviderName, o => o.HistoryDays = 7);
        await using var container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();
        var provider = container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single();

        (await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout)).Should().ContainSingle();

        server.Requests.Single().Target.Should().Be("/v1.0/security/secureScores?$top=7");
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_ContainerTimeProvider_DrivesTheRateLimit()
    {
        await using var server = FixtureServer();
        var time = new TimerRecordingTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(server.BaseUrl, Token, o => o.MaxRequestsPerMinute = 1);
        await using var container = services.BuildServiceProvider();
        var provider = container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single();
        await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);

        var timer = time.NextTimerCreated;
        var second = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, second).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "the second request waits for a slot on the container's clock");
        (await timer).Should().Be(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(60));

        (await second.WaitAsync(TestTimeout)).Should().ContainSingle();
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_ContainerDisposed_DisposesTheProvider()
    {
        await using var server = FixtureServer();
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(server.BaseUrl, Token);
        var container = services.BuildServiceProvider();
        var provider = container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single();

        await container.DisposeAsync();

        var act = () => provider.GetSecureScoreHistoryAsync();
        (await act.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(
            e => e is ObjectDisposedException || e.InnerException is ObjectDisposedException, "the container disposed the provider it created");
        server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxRequestsPerMinute), 0)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxRequestsPerMinute), 151)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.HistoryDays), 91)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxConcurrency), 5)]
    public void StartupValidation_OptionOutOfRange_FailsNamingTheOption(string option, int value)
    {
        var services = new ServiceCollection();
        services.AddExposureManagement()
            .AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.Global, Token, o => typeof(MicrosoftGraphProviderOptions).GetProperty(option)!.SetValue(o, value));
        using var container = services.BuildServiceProvider();

        var atStart = () => container.GetRequiredService<IStartupValidator>().Validate();
        var atFirstUse = () => container.GetRequiredService<ExposureRefreshPipeline>();

        atStart.Should().Throw<OptionsValidationException>().WithMessage($"*The field MicrosoftGraph.{option} must be between*", "the generated validator names the options instance");
        atFirstUse.Should().Throw<OptionsValidationException>().WithMessage($"*The field MicrosoftGraph.{option} must be between*");
    }

    [Fact]
    public void StartupValidation_BaseUrlNotHttps_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(new Uri("http://graph.microsoft.com/v1.0"), Token);
        using var container = services.BuildServiceProvider();

        var act = () => container.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*The field MicrosoftGraphProviderOptions.BaseUrl must be an absolute https URL*http://graph.microsoft.com/v1.0*");
    }

    [Fact]
    public void StartupValidation_BaseUrlArgument_WinsOverTheConfiguredOne()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.UsGovernment, Token, o => o.BaseUrl = new Uri("http://not-https.example/v1.0"));
        using var container = services.BuildServiceProvider();

        container.GetRequiredService<IStartupValidator>().Validate();

        container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single().BaseUrl.Should().Be(new Uri("https://graph.microsoft.us/v1.0"));
    }

    [Fact]
    public void AddMicrosoftGraphSecureScore_CalledTwice_Throws()
    {
        var builder = new ServiceCollection().AddExposureManagement().AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.Global, Token);

        var act = () => builder.AddMicrosoftGraphSecureScore(_ => GraphTestAdapters.UserAdapter());

        act.Should().Throw<InvalidOperationException>().WithMessage("*already*one Microsoft Graph provider*");
    }

    [Fact]
    public void AddMicrosoftGraphSecureScore_NullArguments_ThrowArgumentNullException()
    {
        var builder = new ServiceCollection().AddExposureManagement();
        Func<IServiceProvider, IRequestAdapter> adapter = _ => GraphTestAdapters.UserAdapter();

        ((Action)(() => MicrosoftGraphExposureManagementBuilderExtensions.AddMicrosoftGraphSecureScore(null!, adapter))).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        ((Action)(() => builder.AddMicrosoftGraphSecureScore((Func<IServiceProvider, IRequestAdapter>)null!))).Should().Throw<ArgumentNullException>().WithParameterName("requestAdapterFactory");
        ((Action)(() => MicrosoftGraphExposureManagementBuilderExtensions.AddMicrosoftGraphSecureScore(null!, MicrosoftGraphCloud.Global, Token))).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        ((Action)(() => builder.AddMicrosoftGraphSecureScore(null!, Token))).Should().Throw<ArgumentNullException>().WithParameterName("baseUrl");
        ((Action)(() => builder.AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.Global, (Func<IServiceProvider, Func<CancellationToken, ValueTask<string>>>)null!))).Should().Throw<ArgumentNullException>().WithParameterName("accessTokenProviderFactory");
        ((Action)(() => builder.AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.Global, (Func<IServiceProvider, Azure.Core.TokenCredential>)null!))).Should().Throw<ArgumentNullException>().WithParameterName("credentialFactory");
        builder.Services.Should().NotContain(d => d.ServiceType == typeof(ExposureSourceProvider), "nothing is registered by a failed call");
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_FactoryReturnsNull_FailsNamingTheFactory()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(_ => null!);
        await using var container = services.BuildServiceProvider();

        var act = () => container.GetServices<ExposureSourceProvider>().ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("*requestAdapterFactory*null*");
    }
}
