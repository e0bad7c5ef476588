namespace ExposureSdk.Tests;

public sealed class TestPathsTests
{
    [Fact]
    public void Fixtures_AreFoundBesideTheCheckout()
        => File.Exists(TestPaths.Fixture("graph", "secureScores.v1.example.json")).Should().BeTrue(TestPaths.Fixtures);
}
