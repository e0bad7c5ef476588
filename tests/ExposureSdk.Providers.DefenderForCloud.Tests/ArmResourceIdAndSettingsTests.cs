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
    public void From_BadBaseUrl_NamesTheOption(string url, string expected)
    {
        var act = () => ArmSettings.From(new DefenderForCloudOptions { BaseUrl = new Uri(url) });

        act.Should().Throw<ArgumentException>().WithMessage("*DefenderForCloudOptions.BaseUrl*").Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void From_BadSubscriptionIdOrRange_NamesTheOption()
    {
        var options = new DefenderForCloudOptions();
        options.Subscriptions.Add("not-a-guid");
        FluentActions.Invoking(() => ArmSettings.From(options)).Should().Throw<ArgumentException>().WithMessage("*DefenderForCloudOptions.Subscriptions*not-a-guid*");
        FluentActions.Invoking(() => ArmSettings.From(new DefenderForCloudOptions { PageSize = 1001 })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*PageSize must be between 1 and 1000*");
        FluentActions.Invoking(() => ArmSettings.From(new DefenderForCloudOptions { ReadBucketRefillPerSecond = 26 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ArmSettings.From(new DefenderForCloudOptions { ReadPath = (DefenderForCloudReadPath)7 })).Should().Throw<ArgumentException>();
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
