using ExposureSdk.Peers;

namespace ExposureSdk.Benchmarks.Dataset.Tests;

/// <summary>
/// The peer comparison's SQL engines compute the rollup of domain rules §3 exactly as the plain reference
/// does, so the comparison compares like with like: DuckDB in process (DuckDB.NET) and SQLite, on a small
/// generated dataset, both running <c>rollup.sql</c> unchanged.
/// </summary>
public sealed class PeerEngineTests
{
    private static readonly RollupDataset Small = RollupDataset.Generate(DatasetShape.Enterprise(1_000), 11);

    [Fact]
    public void DuckDbPeer_SmallDataset_AgreesWithTheReferenceRollupOnEveryRepetition()
    {
        using var duck = DuckDbPeer.Load(Small);
        var statements = RollupSql.Load();

        var first = duck.Run(statements, out var firstMs);
        var second = duck.Run(statements, out _);

        var reference = ReferenceRollup.Compute(Small);
        reference.Differences(first).Should().BeEmpty();
        reference.Differences(second).Should().BeEmpty("the temporary table is dropped, so a repetition starts clean");
        firstMs.Should().BeGreaterThan(0);
        duck.Version.Should().StartWith("v1.5.6");
    }

    [Fact]
    public void SqlitePeer_SmallDataset_AgreesWithTheReferenceRollup()
    {
        using var sqlite = SqlitePeer.Load(Small);

        var result = sqlite.Run(RollupSql.Load(), TimeSpan.FromMinutes(5), out _);

        result.Should().NotBeNull();
        ReferenceRollup.Compute(Small).Differences(result!).Should().BeEmpty();
    }
}
