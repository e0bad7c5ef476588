using ExposureSdk.Providers;
using ExposureSdk.Tests.Support;

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

    [Fact]
    public async Task PullAsync_FileReplacedBetweenEveryList_EachPullReadsOneDocument()
    {
        var documents = Enumerable.Range(0, 4).Select(g => SnapshotDocument.WriteToUtf8Bytes(Generations.Snapshot(g))).ToArray();
        ReplaceAtomically(documents[0]);
        var provider = new SnapshotDocumentSourceProvider("file", _path);
        var next = 0;

        await Body().WaitAsync(TestTimeout);

        async Task Body()
        {
            for (var pull = 0; pull < 300; pull++)
            {
                await using var context = new SourcePullContext(Generations.AsOf);
                var batch = await provider.PullAsync(context);

                var read = await Generations.ReadAsync(batch, () => ReplaceAtomically(documents[++next % documents.Length]));

                Generations.Of(read).Should().ContainSingle($"pull {pull} must read one document, never the recommendations of one and the assessments of another");
                read.Assessments.Should().HaveCount(6);
            }
        }
    }

    [Fact]
    public async Task PullAsync_FileReplacedConcurrently_NoPullIsTorn()
    {
        var documents = Enumerable.Range(0, 4).Select(g => SnapshotDocument.WriteToUtf8Bytes(Generations.Snapshot(g))).ToArray();
        ReplaceAtomically(documents[0]);
        var provider = new SnapshotDocumentSourceProvider("file", _path);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                ReplaceAtomically(documents[i % documents.Length]);
                Thread.Sleep(1);
            }
        });

        var seen = new HashSet<string>();
        try
        {
            await Body().WaitAsync(TestTimeout);
        }
        finally
        {
            await stop.CancelAsync();
            await writer.WaitAsync(TestTimeout);
        }

        seen.Should().HaveCountGreaterThan(1, "the file was replaced while the pulls ran");

        async Task Body()
        {
            for (var pull = 0; pull < 300; pull++)
            {
                await using var context = new SourcePullContext(Generations.AsOf);
                var read = await Generations.ReadAsync(await provider.PullAsync(context));

                var prefixes = Generations.Of(read);
                prefixes.Should().ContainSingle($"pull {pull} must read one document");
                seen.Add(prefixes.Single());
                await Task.Delay(1);
            }
        }
    }

    [Fact]
    public async Task PullAsync_FileUnchanged_ParsesItOnceAndServesTheSameRecords()
    {
        await File.WriteAllTextAsync(_path, Valid);
        var provider = new SnapshotDocumentSourceProvider("file", _path);

        await using var first = new SourcePullContext(Generations.AsOf);
        var a = await Generations.ReadAsync(await provider.PullAsync(first));
        await using var second = new SourcePullContext(Generations.AsOf);
        var b = await Generations.ReadAsync(await provider.PullAsync(second));

        b.Recommendations.Single().Should().BeSameAs(a.Recommendations.Single(), "an unchanged file is not parsed again");
    }

    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3); // a hang guard, generous for a loaded machine

    /// <summary>How a tool should replace the file: write a temporary file beside it, then rename it over the old one.</summary>
    private void ReplaceAtomically(byte[] document)
    {
        var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, document);
        File.Move(temp, _path, overwrite: true);
    }
}
