using System.Net;
using System.Text.Json;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>Nothing crashes without data: before the first refresh, and on a tenant whose source has nothing.</summary>
public sealed class NoDataTests
{
    [Theory]
    [InlineData("/api/report")]
    [InlineData("/api/events")]
    [InlineData("/api/plan")]
    [InlineData("/api/metrics/anything")]
    public async Task BeforeTheFirstRefresh_TheApiAnswers503_WithAMessage(string route)
    {
        using var factory = new DashboardFactory(refresh: false);
        using var client = await factory.StartAsync();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("no refresh has been recorded yet");
    }

    [Fact]
    public async Task BeforeTheFirstRefresh_HealthzIsUnhealthy()
    {
        using var factory = new DashboardFactory(refresh: false);
        using var client = await factory.StartAsync();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("no refresh has completed yet");
    }

    [Fact]
    public async Task AnEmptyTenant_GivesEmptyListsAndNoScores()
    {
        using var factory = EmptyTenant();
        using var client = await factory.StartAsync();

        using var response = await client.GetAsync(new Uri("/api/report", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.GetProperty("recommendations").GetArrayLength().Should().Be(0);
        root.GetProperty("secureScore").GetProperty("percentage").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("sources")[0].GetProperty("name").GetString().Should().Be("file");
        root.GetProperty("initiatives").EnumerateArray().Should().OnlyContain(i => i.GetProperty("score").ValueKind == JsonValueKind.Null);
    }

    /// <summary>A tenant whose one source, a snapshot document, has no recommendation at all.</summary>
    internal static DashboardFactory EmptyTenant()
    {
        var directory = Directory.CreateTempSubdirectory("exposuresdk-web-empty-").FullName;
        var path = Path.Combine(directory, "empty.json");
        File.WriteAllText(path, """{"schemaVersion":1,"tenantId":"empty","asOf":"2026-11-21T06:00:00Z","recommendations":[]}""");
        return new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Sources"] = "file", ["Dashboard:Snapshot:Path"] = path });
    }
}
