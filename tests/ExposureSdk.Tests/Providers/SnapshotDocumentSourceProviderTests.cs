using ExposureSdk.Providers;

namespace ExposureSdk.Tests.Providers;

public sealed class SnapshotDocumentSourceProviderTests : IDisposable
{
    private const string Valid = """
        {
          "schemaVersion": 1, "tenantId": "contoso", "asOf": "2026-11-21T06:00:00Z",
          "recommendations": [
            { "id": "mfa-admins", "name": "Require MFA for administrative roles", "source": "Microsoft Secure Score",
              "workload": "Microsoft Entra ID", "domain": "Identity", "impact": "High", "maxPoints": 10 }
          ],
          "assessments": [ { "recommendationId": "mfa-admins", "assetId": "user-01", "status": "Unhealthy" } ],
          "metrics": [ { "id": "admins-without-mfa", "name": "Admins without MFA", "weight": "High", "recommendationIds": ["mfa-admins"] } ],
          "initiatives": [ { "id": "identity", "name": "Identity", "kind": "Workload", "metricIds": ["admins-without-mfa"] } ]
        }
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), "exposuresdk-doc-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Streams_ValidDocument_ServeEveryList()
    {
        await File.WriteAllTextAsync(_path, Valid);
        var provider = new SnapshotDocumentSourceProvider("file", _path);

        (await provider.GetRecommendationsAsync().ToListAsync()).Should().ContainSingle().Which.Id.Value.Should().Be("mfa-admins");
        (await provider.GetAssessmentsAsync().ToListAsync()).Should().ContainSingle().Which.Status.Should().Be(AssessmentStatus.Unhealthy);
        (await provider.GetMetricsAsync().ToListAsync()).Should().ContainSingle();
        (await provider.GetInitiativesAsync().ToListAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task GetRecommendationsAsync_FileReplaced_ReadsTheNewFile()
    {
        await File.WriteAllTextAsync(_path, Valid);
        var provider = new SnapshotDocumentSourceProvider("file", _path);
        await provider.GetRecommendationsAsync().ToListAsync();

        await File.WriteAllTextAsync(_path, Valid.Replace("\"mfa-admins\"", "\"mfa-all\"", StringComparison.Ordinal) + "   ");

        (await provider.GetRecommendationsAsync().ToListAsync()).Single().Id.Value.Should().Be("mfa-all");
    }

    [Fact]
    public async Task GetRecommendationsAsync_InvalidDocument_ThrowsNamingProviderFileAndJsonPath()
    {
        await File.WriteAllTextAsync(_path, Valid.Replace("\"impact\": \"High\"", "\"impact\": \"Severe\"", StringComparison.Ordinal));
        var provider = new SnapshotDocumentSourceProvider("file", _path);

        var act = async () => await provider.GetRecommendationsAsync().ToListAsync();

        (await act.Should().ThrowAsync<ExposureSourceException>())
            .Which.Message.Should().Contain("'file'").And.Contain(_path).And.Contain("$.recommendations[0].impact");
    }

    [Fact]
    public async Task GetRecommendationsAsync_MissingFile_ThrowsNamingTheFile()
    {
        var provider = new SnapshotDocumentSourceProvider("file", _path);

        var act = async () => await provider.GetRecommendationsAsync().ToListAsync();

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain(_path).And.Contain("does not exist");
    }
}
