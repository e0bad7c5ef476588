using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Tests.DependencyInjection;

public sealed class ExposureManagementServiceCollectionExtensionsTests
{
    [Fact]
    public void AddExposureManagement_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        var provider = new InMemoryExposureSourceProvider("memory", []);
        Func<IServiceProvider, ExposureSourceProvider> factory = _ => new InMemoryExposureSourceProvider("factory", []);

        for (var i = 0; i < 2; i++)
        {
            services.AddExposureManagement(o => o.TenantId = "contoso")
                .AddSourceProvider<TypedProvider>()
                .AddSourceProvider(provider)
                .AddSourceProvider(factory);
        }

        services.Count(d => d.ServiceType == typeof(TimeProvider)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<ExposureRefreshPipelineOptions>)).Should().Be(1);
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        sp.GetServices<ExposureSourceProvider>().Select(p => p.Name).Should().BeEquivalentTo("typed", "memory", "factory");
        sp.GetRequiredService<IOptions<ExposureRefreshPipelineOptions>>().Value.TenantId.Should().Be("contoso");
        sp.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddExposureManagement_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddExposureManagement();

        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<TimeProvider>().Should().BeSameAs(clock);
    }

    [Fact]
    public void AddSourceProvider_TwoInstancesOfOneType_RegistersBoth()
    {
        var services = new ServiceCollection();

        services.AddExposureManagement()
            .AddSourceProvider(new InMemoryExposureSourceProvider("a", []))
            .AddSourceProvider(new InMemoryExposureSourceProvider("b", []));

        using var sp = services.BuildServiceProvider();
        sp.GetServices<ExposureSourceProvider>().Select(p => p.Name).Should().Equal("a", "b");
    }

    [Fact]
    public void StartupValidation_InvalidThreshold_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement(o => o.ScoreDrop.ThresholdPoints = -3);
        using var sp = services.BuildServiceProvider();

        var act = () => sp.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ScoreDrop*ThresholdPoints*");
    }

    [Fact]
    public void StartupValidation_UnknownTimeZone_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement(o => o.ScoreDrop.TimeZoneId = "Nowhere/Land");
        using var sp = services.BuildServiceProvider();

        var act = () => sp.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ScoreDropOptions.TimeZoneId*Nowhere/Land*");
    }

    [Fact]
    public void StartupValidation_ValidOptions_Passes()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement(o => o.ScoreDrop.TimeZoneId = "Europe/Paris");
        using var sp = services.BuildServiceProvider();

        var act = () => sp.GetRequiredService<IStartupValidator>().Validate();

        act.Should().NotThrow();
    }

    private sealed class TypedProvider : ExposureSourceProvider
    {
        public TypedProvider()
            : base("typed")
        {
        }

        protected override IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync(CancellationToken cancellationToken)
            => AsyncEnumerable.Empty<Recommendation>();
    }
}
