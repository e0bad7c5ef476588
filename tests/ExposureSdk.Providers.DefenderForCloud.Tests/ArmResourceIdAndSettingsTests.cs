using ExposureSdk.Providers.DefenderForCloud.Mapping;
using ExposureSdk.Providers.DefenderForCloud.Transport;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

public sealed class ArmResourceIdAndSettingsTests
{
    [Theory]
    [InlineData("/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM1", "microsoft.compute/virtualmachines")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db", "microsoft.sql/servers/databases")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.GuestConfiguration/guestConfigurationAssignments/a", "microsoft.guestconfiguration/guestconfigurationassignments")]
    [InlineData("/subscriptions/s", "microsoft.resources/subscriptions")]
    [InlineData("/subscriptions/s/resourceGroups/rg", "microsoft.resources/resourcegroups")]
    [InlineData("repositories/asc/msi-connector/images/sha256:abc", null)]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute", null)]
    public void ResourceType_ArmIds_IsLowerCaseNamespaceAndTypes(string id, string? expected)
        => ArmResourceId.ResourceType(ArmResourceId.Normalize(id)!).Should().Be(expected);

    [Fact]
    public void Normalize_MixedCaseAndTrailingSlash_ComparesCaseInsensitively()
    {
        ArmResourceId.Normalize(" /Subscriptions/ABC/resourceGroups/My/ ").Should().Be("/subscriptions/abc/resourcegroups/my");
        ArmResourceId.Normalize("  ").Should().BeNull();
        ArmResourceId.SubscriptionId("/subscriptions/abc/resourcegroups/my").Should().Be("abc");
    }

    [Theory]
    [InlineData("http://management.azure.com", "https URL")]
    [InlineData("https://management.azure.com/subscriptions", "without a path")]
    [InlineData("https://user@management.azure.com", "user information")]
    [InlineData("https://management.azure.com/?api-version=1", "without a path, query")]
    public void From_BadBaseUrl_NamesTheOption(string url, string expected)
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { BaseUrl = new Uri(url) });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("Invalid DefenderForCloudOptions: *The field DefenderForCloudOptions.BaseUrl*").Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void From_BaseUrlNull_NamesTheOption()
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { BaseUrl = null! });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*BaseUrl*required*");
    }

    [Fact]
    public void From_LoopbackHttpBaseUrl_IsAccepted()
        => ArmSettings.From(new DefenderForCloudOptions { BaseUrl = new Uri("http://127.0.0.1:5123/") }).BaseUrlText.Should().Be("http://127.0.0.1:5123");

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData("{20ff7fc3-e762-44dd-bd96-b71116dcdc23}")]
    public void From_BadSubscriptionId_NamesTheOptionAndTheValue(string id)
    {
        var options = new DefenderForCloudOptions();
        options.Subscriptions.Add(id);
        var excluding = new DefenderForCloudOptions();
        excluding.ExcludedSubscriptions.Add(id);

        FluentActions.Invoking(() => ArmSettings.From(options)).Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage($"*The field DefenderForCloudOptions.Subscriptions contains '{id}', which is not a subscription id*");
        FluentActions.Invoking(() => ArmSettings.From(excluding)).Should().Throw<ArgumentException>()
            .WithMessage($"*The field DefenderForCloudOptions.ExcludedSubscriptions contains '{id}', which is not a subscription id*");
    }

    [Fact]
    public void From_SubscriptionIds_AreTrimmedLowerCasedAndDeduplicated()
    {
        var options = new DefenderForCloudOptions();
        options.Subscriptions.Add(" 20FF7FC3-E762-44DD-BD96-B71116DCDC23 ");
        options.Subscriptions.Add("20ff7fc3-e762-44dd-bd96-b71116dcdc23");
        options.ExcludedSubscriptions.Add("11111111-1111-4111-8111-11111111111A");

        var settings = ArmSettings.From(options);

        settings.Subscriptions.Should().Equal("20ff7fc3-e762-44dd-bd96-b71116dcdc23");
        settings.ExcludedSubscriptions.Should().BeEquivalentTo(["11111111-1111-4111-8111-11111111111a"]);
    }

    [Theory]
    [InlineData(nameof(DefenderForCloudOptions.PageSize), 0, "1 and 1000")]
    [InlineData(nameof(DefenderForCloudOptions.PageSize), 1001, "1 and 1000")]
    [InlineData(nameof(DefenderForCloudOptions.SubscriptionBatchSize), 0, "1 and 1000")]
    [InlineData(nameof(DefenderForCloudOptions.SubscriptionBatchSize), 1001, "1 and 1000")]
    [InlineData(nameof(DefenderForCloudOptions.MaxPages), 0, "1 and 1000000")]
    [InlineData(nameof(DefenderForCloudOptions.MaxPages), 1_000_001, "1 and 1000000")]
    [InlineData(nameof(DefenderForCloudOptions.MaxConcurrency), 0, "1 and 16")]
    [InlineData(nameof(DefenderForCloudOptions.MaxConcurrency), 17, "1 and 16")]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketCapacity), 0, "1 and 250")]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketCapacity), 251, "1 and 250")]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketRefillPerSecond), 0, "1 and 25")]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketRefillPerSecond), 26, "1 and 25")]
    [InlineData(nameof(DefenderForCloudOptions.MaxRetries), -1, "0 and 10")]
    [InlineData(nameof(DefenderForCloudOptions.MaxRetries), 11, "0 and 10")]
    public void From_NumberOutOfRange_NamesTheOptionAndItsRange(string option, int value, string range)
    {
        var options = new DefenderForCloudOptions();
        typeof(DefenderForCloudOptions).GetProperty(option)!.SetValue(options, value);

        var act = () => ArmSettings.From(options);

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage($"Invalid DefenderForCloudOptions: *The field DefenderForCloudOptions.{option} must be between {range}.*");
    }

    [Theory]
    [InlineData(nameof(DefenderForCloudOptions.PageSize), 1)]
    [InlineData(nameof(DefenderForCloudOptions.PageSize), 1000)]
    [InlineData(nameof(DefenderForCloudOptions.MaxPages), 1_000_000)]
    [InlineData(nameof(DefenderForCloudOptions.MaxConcurrency), 16)]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketCapacity), 1)]
    [InlineData(nameof(DefenderForCloudOptions.ReadBucketRefillPerSecond), 25)]
    [InlineData(nameof(DefenderForCloudOptions.MaxRetries), 0)]
    public void From_NumberAtItsLimit_IsAccepted(string option, int value)
    {
        var options = new DefenderForCloudOptions();
        typeof(DefenderForCloudOptions).GetProperty(option)!.SetValue(options, value);

        var act = () => ArmSettings.From(options);

        act.Should().NotThrow();
    }

    [Fact]
    public void From_TwoInvalidOptions_MessageListsEachByName()
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { PageSize = 0, ReadPath = (DefenderForCloudReadPath)7 });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "Invalid DefenderForCloudOptions: ReadPath: The field DefenderForCloudOptions.ReadPath must be a defined DefenderForCloudReadPath value (ResourceGraph or Rest). "
            + "PageSize: The field DefenderForCloudOptions.PageSize must be between 1 and 1000. (Parameter 'options')");
    }

    [Fact]
    public void From_UnknownReadPath_NamesTheOption()
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { ReadPath = (DefenderForCloudReadPath)7 });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*DefenderForCloudOptions.ReadPath must be a defined DefenderForCloudReadPath value*");
    }

    [Theory]
    [InlineData(-1, 10, "RetryBaseDelay must not be negative")]
    [InlineData(10, 5, "MaxRetryDelay must be at least RetryBaseDelay")]
    public void From_RetryDelaysInconsistent_NamesThem(int baseSeconds, int maxSeconds, string message)
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { RetryBaseDelay = TimeSpan.FromSeconds(baseSeconds), MaxRetryDelay = TimeSpan.FromSeconds(maxSeconds) });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*DefenderForCloudOptions." + message + "*");
    }

    [Fact]
    public void From_RetryDelaysEqualAndZero_AreAccepted()
        => FluentActions.Invoking(() => ArmSettings.From(new DefenderForCloudOptions { RetryBaseDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero })).Should().NotThrow();

    [Fact]
    public void Create_SeveralInvalidOptions_NamesEachAtOnce()
    {
        var options = new DefenderForCloudOptions { PageSize = 0, MaxConcurrency = 99, BaseUrl = new Uri("ftp://management.example/"), RetryBaseDelay = TimeSpan.FromSeconds(-1) };
        options.Subscriptions.Add("nope");

        var act = () => DefenderForCloudProvider.Create(_ => ValueTask.FromResult("token"), options);

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage("*PageSize*").WithMessage("*MaxConcurrency*").WithMessage("*BaseUrl*").WithMessage("*RetryBaseDelay*").WithMessage("*Subscriptions contains 'nope'*");
    }

    [Fact]
    public void IsAllowed_OnlyTheConfiguredHostSchemeAndPort()
    {
        var settings = ArmSettings.From(new DefenderForCloudOptions { BaseUrl = AzureResourceManagerCloud.UsGovernment });

        settings.IsAllowed(new Uri("https://management.usgovcloudapi.net/subscriptions?api-version=1")).Should().BeTrue();
        settings.IsAllowed(new Uri("https://MANAGEMENT.usgovcloudapi.net/x")).Should().BeTrue();
        settings.IsAllowed(new Uri("https://management.azure.com/x")).Should().BeFalse();
        settings.IsAllowed(new Uri("http://management.usgovcloudapi.net/x")).Should().BeFalse();
        settings.IsAllowed(new Uri("https://management.usgovcloudapi.net:8443/x")).Should().BeFalse();
        settings.IsAllowed(new Uri("https://a@management.usgovcloudapi.net/x")).Should().BeFalse();
        settings.Scope.Should().Be("https://management.usgovcloudapi.net/.default");
    }

    [Theory]
    [InlineData("00:00:05", 5)]
    [InlineData("01:02:03", 3723)]
    [InlineData("soon", null)]
    public void FromQuotaReset_HoursMinutesSeconds(string value, int? seconds)
        => ArmRetryDelay.FromQuotaReset(value).Should().Be(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

    [Fact]
    public void NationalClouds_AreTheThreeArmEndpoints()
        => AzureResourceManagerCloud.All.Select(u => u.Host).Should().Equal("management.azure.com", "management.usgovcloudapi.net", "management.chinacloudapi.cn");
}
