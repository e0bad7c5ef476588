namespace ExposureSdk.Tests.DependencyInjection;

public sealed class ExposureManagementOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndMatchTheDomainRules()
    {
        var options = new ExposureManagementOptions();

        options.Validate().Should().BeEmpty();
        options.ScoreDropThresholdPoints.Should().Be(2);
        options.HistoryRetentionDays.Should().Be(90);
        options.TimeZoneId.Should().Be("UTC");
        options.NumericWeight(MetricWeight.High).Should().Be(3);
        options.NumericWeight(MetricWeight.Medium).Should().Be(2);
        options.NumericWeight(MetricWeight.Low).Should().Be(1);
        options.NumericWeight(MetricWeight.RiskAccepted).Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Validate_ThresholdOutOfRange_NamesTheOption(double threshold)
    {
        var options = new ExposureManagementOptions { ScoreDropThresholdPoints = threshold };

        options.Validate().Should().ContainSingle().Which.Should().Contain("ExposureManagementOptions.ScoreDropThresholdPoints");
    }

    [Theory]
    [InlineData(0, 2, 1, "HighWeight")]
    [InlineData(3, -2, 1, "MediumWeight")]
    [InlineData(3, 2, double.PositiveInfinity, "LowWeight")]
    public void Validate_WeightNotPositive_NamesTheOption(double high, double medium, double low, string name)
    {
        var options = new ExposureManagementOptions { HighWeight = high, MediumWeight = medium, LowWeight = low };

        options.Validate().Should().ContainSingle().Which.Should().Contain("ExposureManagementOptions." + name);
    }

    [Fact]
    public void Validate_UnknownTimeZone_NamesTheOption()
    {
        var options = new ExposureManagementOptions { TimeZoneId = "Mars/Olympus_Mons" };

        options.Validate().Should().ContainSingle().Which.Should().Contain("ExposureManagementOptions.TimeZoneId").And.Contain("Mars/Olympus_Mons");
    }

    [Fact]
    public void ResolveTimeZone_IanaId_Resolves()
    {
        var options = new ExposureManagementOptions { TimeZoneId = "Europe/Paris" };

        options.Validate().Should().BeEmpty();
        options.ResolveTimeZone().BaseUtcOffset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Validate_NonPositiveTimeouts_NameTheOptionAndTheProvider()
    {
        var options = new ExposureManagementOptions { ProviderTimeout = TimeSpan.Zero };
        options.ProviderTimeouts["graph"] = TimeSpan.FromSeconds(-1);

        options.Validate().Should().HaveCount(2)
            .And.Contain(m => m.Contains("ExposureManagementOptions.ProviderTimeout ", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("ExposureManagementOptions.ProviderTimeouts[graph]", StringComparison.Ordinal));
    }

    [Fact]
    public void TimeoutFor_ProviderWithOverride_UsesTheOverride()
    {
        var options = new ExposureManagementOptions { ProviderTimeout = TimeSpan.FromSeconds(30) };
        options.ProviderTimeouts["slow"] = TimeSpan.FromMinutes(5);

        options.TimeoutFor("slow").Should().Be(TimeSpan.FromMinutes(5));
        options.TimeoutFor("other").Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void Validate_RetentionOutOfRange_NamesTheOption(int days)
    {
        var options = new ExposureManagementOptions { HistoryRetentionDays = days };

        options.Validate().Should().ContainSingle().Which.Should().Contain("ExposureManagementOptions.HistoryRetentionDays");
    }

    [Fact]
    public void AddCatalog_BuiltIn_AddsEveryMetricAndInitiativeOnceAndKeepsEntriesAddedFirst()
    {
        var options = new ExposureManagementOptions();
        var mine = new Metric("data-protection", "My data protection", MetricWeight.Low, ["r1"]);
        options.Metrics.Add(mine);

        options.AddCatalog(ExposureSdk.Catalog.ExposureCatalog.BuiltIn);
        options.AddCatalog(ExposureSdk.Catalog.ExposureCatalog.BuiltIn);

        options.Metrics.Should().HaveCount(ExposureSdk.Catalog.ExposureCatalog.BuiltIn.Metrics.Count);
        options.Metrics.Should().Contain(mine).And.OnlyHaveUniqueItems(m => m.Id);
        options.Initiatives.Select(i => i.Id).Should().BeEquivalentTo(ExposureSdk.Catalog.ExposureCatalog.BuiltIn.Initiatives.Select(i => i.Id));
        options.Validate().Should().BeEmpty();
        var act = () => options.AddCatalog(null!);
        act.Should().Throw<ArgumentNullException>();
    }
}
