namespace ExposureSdk.Tests.Initiatives;

/// <summary>
/// Issue 11 §4: <see cref="Initiative"/> stays a record, with structural equality over its id lists and
/// <c>with</c> expressions that validate each property like the constructor.
/// </summary>
public sealed class InitiativeEqualityTests
{
    private static Initiative Make(IEnumerable<MetricId>? metrics = null, IEnumerable<RecommendationId>? recommendations = null)
        => new("identity", "Identity Security", InitiativeKind.Workload, metrics ?? ["m1", "m2"], recommendations ?? ["r1"], 80, false, "Identity goals");

    [Fact]
    public void Equals_SameIdsInSeparateLists_IsTrueWithTheSameHashCode()
    {
        var a = Make(new List<MetricId> { "m1", "m2" });
        var b = Make(new MetricId[] { "m1", "m2" });

        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        new HashSet<Initiative> { a, b }.Should().ContainSingle();
    }

    [Fact]
    public void Equals_ListsDifferInOrderOrContent_IsFalse()
    {
        var a = Make();
        Make(["m2", "m1"]).Should().NotBe(a, "the order of metrics is part of the value");
        Make(["m1"]).Should().NotBe(a);
        Make(recommendations: ["r1", "r2"]).Should().NotBe(a);
        (a with { TargetScore = null }).Should().NotBe(a);
        (a with { IsFavorite = true }).Should().NotBe(a);
    }

    [Fact]
    public void With_ChangesOneProperty_KeepsTheOthersAndDropsRepeats()
    {
        var a = Make();

        var b = a with { MetricIds = ["m3", "m3", "m1"], IsFavorite = true };

        b.MetricIds.Should().Equal(new MetricId("m3"), new MetricId("m1"));
        b.IsFavorite.Should().BeTrue();
        b.RecommendationIds.Should().Equal(a.RecommendationIds);
        b.TargetScore.Should().Be(80);
        a.IsFavorite.Should().BeFalse();
    }

    [Fact]
    public void With_InvalidValue_ThrowsLikeTheConstructorNamingTheParameter()
    {
        var a = Make();

        FluentActions.Invoking(() => a with { Id = default }).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => a with { Name = "" }).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => a with { Kind = (InitiativeKind)42 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("kind");
        FluentActions.Invoking(() => a with { TargetScore = 100.5 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetScore");
        FluentActions.Invoking(() => a with { MetricIds = [default] }).Should().Throw<ArgumentException>().WithParameterName("metricIds");
        FluentActions.Invoking(() => a with { RecommendationIds = [default] }).Should().Throw<ArgumentException>().WithParameterName("recommendationIds");
        FluentActions.Invoking(() => a with { Description = new string('d', 64 * 1024 + 1) }).Should().Throw<ArgumentException>().WithParameterName("description");
    }
}
