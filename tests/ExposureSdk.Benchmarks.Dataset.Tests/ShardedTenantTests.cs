using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Dataset.Tests;

public sealed class ShardedTenantTests
{
    private static readonly DatasetShape Small = DatasetShape.Enterprise(3_000);

    [Fact]
    public void Assessments_SameShapeAndSeed_SameData_AnotherSeed_OtherData()
    {
        var a = new ShardedTenant(Small, 7).Assessments().ToList();
        var b = new ShardedTenant(Small, 7).Assessments().ToList();
        var c = new ShardedTenant(Small, 8).Assessments().ToList();

        a.Should().HaveCount(Small.AssessmentCount).And.Equal(b);
        c.Should().NotEqual(a);
        a.Select(x => (x.RecommendationId, x.AssetId)).Should().OnlyHaveUniqueItems("an asset is assessed once per recommendation");
        a.Select(x => x.Status).Distinct().Should().HaveCount(3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Assessments_Shards_UnionIsTheWholeTenant_EachAssetInOneShard(int shards)
    {
        var tenant = new ShardedTenant(Small, 11);
        var whole = tenant.Assessments().ToList();

        var parts = Enumerable.Range(0, shards).Select(s => tenant.Assessments(id => Shard(id, shards) == s).ToList()).ToList();

        parts.SelectMany(p => p).OrderBy(x => x.AssetId).ThenBy(x => x.RecommendationId)
            .Should().Equal(whole.OrderBy(x => x.AssetId).ThenBy(x => x.RecommendationId), "a shard's assets have the assessments they have in the whole tenant");
        for (var s = 0; s < shards; s++)
        {
            parts[s].Should().OnlyContain(x => Shard(x.AssetId.Value, shards) == s);
        }
    }

    [Fact]
    public void BuildDataset_MergedShardPartials_EqualTheWholeTenantsReport()
    {
        var tenant = new ShardedTenant(Small, 13);
        var whole = tenant.BuildDataset();
        var merged = Enumerable.Range(0, 3).Select(s => tenant.BuildDataset(id => Shard(id, 3) == s).ToPartial()).Aggregate(ExposureRollupPartial.Merge);

        whole.AssetCount.Should().Be(Small.AssetCount);
        whole.AssessmentCount.Should().Be(Small.AssessmentCount);
        tenant.Definitions.Assessments.Should().BeEmpty();
        tenant.Definitions.Metrics.Should().HaveCount(Small.MetricCount);
        whole.ToReport(merged).SecureScore.Should().Be(whole.ToReport().SecureScore);
        whole.ToReport(merged).Metrics.Select(m => (m.Id, m.Scope, m.Affected, m.Score)).Should().Equal(whole.ToReport().Metrics.Select(m => (m.Id, m.Scope, m.Affected, m.Score)));
    }

    private static int Shard(string assetId, int shards) => (int)((uint)StringComparer.Ordinal.GetHashCode(assetId) % (uint)shards);
}
