using System.Globalization;
using System.Reflection;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Tests.Pipeline;

public sealed class ExposureRefreshPipelineOptionsTests
{
    /// <summary>The engine's options nested under the pipeline's, and where the pipeline keeps the copy it scores and detects with.</summary>
    private static readonly Dictionary<Type, Func<ExposureRefreshPipeline, object>> EngineSections = new()
    {
        [typeof(ScoringOptions)] = p => p.Scoring,
        [typeof(ScoreDropOptions)] = p => p.ScoreDrop,
    };

    /// <summary>Public setters that are views of another setting (so not bound themselves), with the setting they view.</summary>
    private static readonly Dictionary<(Type, string), string> Views = new()
    {
        [(typeof(ScoreDropOptions), nameof(ScoreDropOptions.TimeZone))] = nameof(ScoreDropOptions.TimeZoneId),
    };

    [Fact]
    public void EveryPublicEngineSetting_RoundTripsFromConfigurationThroughAddExposureManagementToTheEngine()
    {
        // Reflection finds the sections and their settings, so a setting added later cannot be forgotten:
        // it either round-trips here or fails this test.
        var sections = typeof(ExposureRefreshPipelineOptions).GetProperties()
            .Where(p => p.PropertyType.Namespace is "ExposureSdk.Scoring" or "ExposureSdk.Events")
            .ToArray();
        sections.Select(p => p.PropertyType).Should().BeEquivalentTo(EngineSections.Keys, "every engine options type nested under the pipeline's options is checked here");
        sections.Should().OnlyContain(p => p.GetCustomAttribute<ValidateObjectMembersAttribute>() != null, "nested options are validated with their parent");

        var configuration = new Dictionary<string, string?> { ["ExposureManagement:TenantId"] = "contoso" };
        var expected = new List<(PropertyInfo Section, PropertyInfo Setting, object Value)>();
        foreach (var section in sections)
        {
            var defaults = Activator.CreateInstance(section.PropertyType)!;
            foreach (var setting in section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                if (Views.ContainsKey((section.PropertyType, setting.Name)))
                {
                    continue;
                }

                var value = NonDefault(setting, setting.GetValue(defaults));
                configuration[$"ExposureManagement:{section.Name}:{setting.Name}"] = Convert.ToString(value, CultureInfo.InvariantCulture);
                expected.Add((section, setting, value));
            }
        }

        expected.Should().HaveCountGreaterThanOrEqualTo(7, "the weights, the threshold, its mode, the time zone and the baseline age are engine settings");
        var services = new ServiceCollection();
        services.AddExposureManagement();
        services.AddOptions<ExposureRefreshPipelineOptions>().Bind(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build().GetSection("ExposureManagement"));
        using var container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();

        var pipeline = container.GetRequiredService<ExposureRefreshPipeline>();

        foreach (var (section, setting, value) in expected)
        {
            setting.GetValue(EngineSections[section.PropertyType](pipeline)).Should().Be(value, $"{section.Name}:{setting.Name} must reach the engine");
        }

        pipeline.ScoreDrop.TimeZone.Id.Should().Be("Europe/Paris");
        pipeline.TimeZone.Id.Should().Be("Europe/Paris");
    }

    [Fact]
    public async Task ConfiguredEngineSettings_ChangeWhatTheRefreshComputes()
    {
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", Scoring = { HighWeight = 9 } };
        options.Metrics.Add(new Metric("m-high", "High", MetricWeight.High, ["r1"]));
        options.Metrics.Add(new Metric("m-low", "Low", MetricWeight.Low, ["r2"]));
        options.Initiatives.Add(new Initiative("i", "Both", InitiativeKind.Workload, ["m-high", "m-low"]));
        var provider = new ExposureSdk.Providers.InMemoryExposureSourceProvider(
            "memory",
            [Support.SampleData.Recommendation("r1"), Support.SampleData.Recommendation("r2")],
            assessments: [new Assessment("r1", "a", AssessmentStatus.Unhealthy), new Assessment("r2", "b", AssessmentStatus.Healthy)]);
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero)));

        var result = await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        result.Report.FindInitiative("i")!.Score.Should().Be(10, "High weighs 9, Low 1: (9 × 0 + 1 × 100) / 10");
    }

    [Fact]
    public void Defaults_AreValidAndMatchTheDomainRules()
    {
        var options = new ExposureRefreshPipelineOptions();

        Validate(options).Should().BeEmpty();
        options.ScoreDrop.ThresholdPoints.Should().Be(2);
        options.ScoreDrop.Mode.Should().Be(ScoreDropThresholdMode.PercentagePoints);
        options.ScoreDrop.BaselineMaxAge.Should().Be(TimeSpan.FromHours(48));
        options.ScoreDrop.TimeZoneId.Should().Be("UTC");
        options.HistoryRetentionDays.Should().Be(90);
        options.Scoring.ValueOf(MetricWeight.High).Should().Be(3);
        options.Scoring.ValueOf(MetricWeight.Medium).Should().Be(2);
        options.Scoring.ValueOf(MetricWeight.Low).Should().Be(1);
        options.Scoring.ValueOf(MetricWeight.RiskAccepted).Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Validate_ThresholdOutOfRange_NamesTheNestedOption(double threshold)
    {
        var failures = Validate(new ExposureRefreshPipelineOptions { ScoreDrop = { ThresholdPoints = threshold } });

        failures.Should().ContainSingle().Which.Should().Contain("ScoreDrop").And.Contain("ThresholdPoints");
    }

    [Theory]
    [InlineData(0, 2, 1, "HighWeight")]
    [InlineData(3, -2, 1, "MediumWeight")]
    [InlineData(3, 2, double.PositiveInfinity, "LowWeight")]
    [InlineData(3, 2, double.NaN, "LowWeight")]
    public void Validate_WeightNotPositiveFinite_NamesTheNestedOption(double high, double medium, double low, string name)
    {
        var failures = Validate(new ExposureRefreshPipelineOptions { Scoring = { HighWeight = high, MediumWeight = medium, LowWeight = low } });

        failures.Should().ContainSingle().Which.Should().Contain("Scoring").And.Contain(name);
    }

    [Fact]
    public void Validate_UnknownTimeZoneUndefinedModeAndNonPositiveBaselineAge_NameEachOption()
    {
        var failures = Validate(new ExposureRefreshPipelineOptions
        {
            ScoreDrop = { TimeZoneId = "Mars/Olympus_Mons", Mode = (ScoreDropThresholdMode)7, BaselineMaxAge = TimeSpan.Zero },
        });

        failures.Should().HaveCount(3);
        string.Join(" ", failures).Should().Contain("TimeZoneId").And.Contain("Mars/Olympus_Mons").And.Contain("Mode").And.Contain("BaselineMaxAge");
    }

    [Fact]
    public void Validate_NullNestedOptions_NamesThem()
    {
        var failures = Validate(new ExposureRefreshPipelineOptions { Scoring = null!, ScoreDrop = null! });

        string.Join(" ", failures).Should().Contain("Scoring").And.Contain("ScoreDrop");
    }

    [Fact]
    public void Validate_NonPositiveTimeouts_NameTheOptionAndTheProvider()
    {
        var options = new ExposureRefreshPipelineOptions { ProviderTimeout = TimeSpan.Zero };
        options.ProviderTimeouts["graph"] = TimeSpan.FromSeconds(-1);
        options.ProviderTimeouts["slow"] = TimeSpan.FromHours(25);

        var failures = Validate(options);

        failures.Should().HaveCount(3);
        string.Join(" ", failures).Should().Contain("ProviderTimeout ").And.Contain("ProviderTimeouts[graph]").And.Contain("ProviderTimeouts[slow]");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void Validate_RetentionOutOfRange_NamesTheOption(int days)
        => Validate(new ExposureRefreshPipelineOptions { HistoryRetentionDays = days }).Should().ContainSingle().Which.Should().Contain("HistoryRetentionDays");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmptyTenant_NamesTheOption(string tenant)
        => Validate(new ExposureRefreshPipelineOptions { TenantId = tenant }).Should().ContainSingle().Which.Should().Contain("TenantId");

    [Fact]
    public void Validate_NullCatalogEntries_NameThePosition()
    {
        var options = new ExposureRefreshPipelineOptions();
        options.Metrics.Add(null!);
        options.Initiatives.Add(null!);

        string.Join(" ", Validate(options)).Should().Contain("Metrics[0]").And.Contain("Initiatives[0]");
    }

    [Fact]
    public void PipelineConstructor_InvalidOptions_ThrowsArgumentExceptionWithTheValidatorsMessage()
    {
        var act = () => new ExposureRefreshPipeline([], new InMemoryScoreHistoryStore(), new ExposureRefreshPipelineOptions { ScoreDrop = { BaselineMaxAge = TimeSpan.FromHours(-1) } });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*BaselineMaxAge*");
    }

    [Fact]
    public void PipelineConstructor_CopiesTheEngineOptions_LaterChangesAreNotSeen()
    {
        var options = new ExposureRefreshPipelineOptions();
        var pipeline = new ExposureRefreshPipeline([], new InMemoryScoreHistoryStore(), options);

        options.Scoring.HighWeight = 7;
        options.ScoreDrop.Mode = ScoreDropThresholdMode.PercentOfPrevious;

        pipeline.Scoring.HighWeight.Should().Be(3);
        pipeline.ScoreDrop.Mode.Should().Be(ScoreDropThresholdMode.PercentagePoints);
    }

    [Fact]
    public void ScoreDropTimeZone_SetToACustomZone_IsKeptAndNamesItsId()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
        var options = new ScoreDropOptions { TimeZone = zone };

        options.TimeZone.Should().BeSameAs(zone);
        options.TimeZoneId.Should().Be("UTC-5");
        new ScoreDropOptions { TimeZoneId = "Europe/Paris" }.TimeZone.BaseUtcOffset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void TimeoutFor_ProviderWithOverride_UsesTheOverride()
    {
        var options = new ExposureRefreshPipelineOptions { ProviderTimeout = TimeSpan.FromSeconds(30) };
        options.ProviderTimeouts["slow"] = TimeSpan.FromMinutes(5);

        options.TimeoutFor("slow").Should().Be(TimeSpan.FromMinutes(5));
        options.TimeoutFor("other").Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void AddCatalog_BuiltIn_AddsEveryMetricAndInitiativeOnceAndKeepsEntriesAddedFirst()
    {
        var options = new ExposureRefreshPipelineOptions();
        var mine = new Metric("data-protection", "My data protection", MetricWeight.Low, ["r1"]);
        options.Metrics.Add(mine);

        options.AddCatalog(ExposureSdk.Catalog.ExposureCatalog.BuiltIn);
        options.AddCatalog(ExposureSdk.Catalog.ExposureCatalog.BuiltIn);

        options.Metrics.Should().HaveCount(ExposureSdk.Catalog.ExposureCatalog.BuiltIn.Metrics.Count);
        options.Metrics.Should().Contain(mine).And.OnlyHaveUniqueItems(m => m.Id);
        options.Initiatives.Select(i => i.Id).Should().BeEquivalentTo(ExposureSdk.Catalog.ExposureCatalog.BuiltIn.Initiatives.Select(i => i.Id));
        Validate(options).Should().BeEmpty();
        var act = () => options.AddCatalog(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    /// <summary>What a host's start-up validation reports, through the validator <c>AddExposureManagement</c> registers.</summary>
    private static string[] Validate(ExposureRefreshPipelineOptions options)
    {
        var services = new ServiceCollection();
        services.AddExposureManagement();
        using var container = services.BuildServiceProvider();
        var results = container.GetServices<IValidateOptions<ExposureRefreshPipelineOptions>>().Select(v => v.Validate(Options.DefaultName, options)).ToArray();
        results.Should().ContainSingle();
        return results[0].Failures?.ToArray() ?? [];
    }

    private static object NonDefault(PropertyInfo setting, object? current)
    {
        var type = setting.PropertyType;
        return type switch
        {
            _ when type == typeof(double) => (double)current! + 1.5,
            _ when type == typeof(int) => (int)current! + 1,
            _ when type == typeof(bool) => !(bool)current!,
            _ when type == typeof(TimeSpan) => (TimeSpan)current! + TimeSpan.FromHours(1),
            _ when type == typeof(string) && setting.Name.EndsWith("TimeZoneId", StringComparison.Ordinal) => "Europe/Paris",
            _ when type.IsEnum => Enum.GetValues(type).Cast<object>().First(v => !v.Equals(current)),
            _ => throw new InvalidOperationException($"{setting.DeclaringType!.Name}.{setting.Name} ({type.Name}) is an engine setting this test cannot bind: give it a bindable type, or list it in Views if it is a view of another setting."),
        };
    }
}
