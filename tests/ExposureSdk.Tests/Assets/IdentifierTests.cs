namespace ExposureSdk.Tests.Assets;

/// <summary>The four identifier types share one contract: non-empty, at most 512 characters, ordinal (case-sensitive).</summary>
public sealed class IdentifierTests
{
    public static TheoryData<string> Kinds => new() { "recommendation", "asset", "metric", "initiative" };

    private static (string Value, int Order) Make(string kind, string value, string other) => kind switch
    {
        "recommendation" => (new RecommendationId(value).Value, new RecommendationId(value).CompareTo(other)),
        "asset" => (new AssetId(value).Value, new AssetId(value).CompareTo(other)),
        "metric" => (new MetricId(value).Value, new MetricId(value).CompareTo(other)),
        "initiative" => (new InitiativeId(value).Value, new InitiativeId(value).CompareTo(other)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Constructor_Null_ThrowsArgumentNullException(string kind)
        => FluentActions.Invoking(() => Make(kind, null!, "x")).Should().Throw<ArgumentNullException>();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Constructor_EmptyOrWhiteSpace_ThrowsArgumentException(string kind)
    {
        FluentActions.Invoking(() => Make(kind, string.Empty, "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Make(kind, " \t", "x")).Should().Throw<ArgumentException>();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Constructor_Over512Characters_Throws_AndExactly512IsAccepted(string kind)
    {
        FluentActions.Invoking(() => Make(kind, new string('a', 513), "x")).Should().Throw<ArgumentException>().WithMessage("*513*512*");
        Make(kind, new string('a', 512), "x").Value.Should().HaveLength(512);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CompareTo_IsOrdinal(string kind)
    {
        Make(kind, "B", "a").Order.Should().BeNegative("'B' (66) sorts before 'a' (97) ordinally");
        Make(kind, "a", "a").Order.Should().Be(0);
    }

    [Fact]
    public void Equality_IsCaseSensitive()
    {
        new RecommendationId("mfa").Should().NotBe(new RecommendationId("MFA"));
        new AssetId("dev-1").Should().Be(new AssetId("dev-1"));
        new MetricId("m").GetHashCode().Should().Be(new MetricId("m").GetHashCode());
        new InitiativeId("i").Should().NotBe(new InitiativeId("I"));
    }

    [Fact]
    public void Default_HasEmptyValue_AndDiffersFromEveryRealId()
    {
        default(RecommendationId).Value.Should().BeEmpty();
        default(AssetId).ToString().Should().BeEmpty();
        default(MetricId).Should().NotBe(new MetricId("m"));
        default(InitiativeId).CompareTo(new InitiativeId("i")).Should().BeNegative();
    }

    [Fact]
    public void ImplicitConversionAndFrom_AreTheConstructor()
    {
        RecommendationId implicitId = "mfa-admins";
        implicitId.Should().Be(RecommendationId.From("mfa-admins"));
        ((AssetId)"a").Should().Be(AssetId.From("a"));
        FluentActions.Invoking(() => MetricId.From(" ")).Should().Throw<ArgumentException>();
        (new InitiativeId("a") < new InitiativeId("b")).Should().BeTrue();
        (new AssetId("b") >= new AssetId("b")).Should().BeTrue();
    }
}
