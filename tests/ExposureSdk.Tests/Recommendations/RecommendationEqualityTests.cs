namespace ExposureSdk.Tests.Recommendations;

/// <summary>
/// Issue 11 §4: <see cref="Recommendation"/> stays a record, with structural equality over its list members
/// and <c>with</c> expressions that validate each property like the constructor.
/// </summary>
public sealed class RecommendationEqualityTests
{
    private static Recommendation Make(IEnumerable<string>? steps = null, IEnumerable<string>? threats = null, IEnumerable<string>? tags = null) => new(
        "mfa-admins",
        "Require MFA",
        RecommendationSource.MicrosoftSecureScore,
        Workload.MicrosoftEntraId,
        SecurityDomain.Identity,
        Impact.High,
        "Admins sign in with MFA.",
        steps ?? ["Open Entra ID", "Require MFA"],
        new Uri("https://portal.example/mfa"),
        8,
        ComplianceState.NotCompliant,
        false,
        new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
        threats ?? ["accountBreach"],
        tags ?? ["CIS 1.1"],
        new ResultCounts(3, 10));

    [Fact]
    public void Equals_SameValuesInSeparateLists_IsTrueWithTheSameHashCode()
    {
        var a = Make(steps: new List<string> { "Open Entra ID", "Require MFA" });
        var b = Make(steps: ["Open Entra ID", "Require MFA"]);

        a.RemediationSteps.Should().NotBeSameAs(b.RemediationSteps);
        a.Equals(b).Should().BeTrue();
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        new HashSet<Recommendation> { a, b }.Should().ContainSingle();
    }

    [Theory]
    [InlineData("steps")]
    [InlineData("threats")]
    [InlineData("tags")]
    public void Equals_AListDiffers_IsFalse(string which)
    {
        var a = Make();
        var b = which switch
        {
            "steps" => Make(steps: ["Require MFA", "Open Entra ID"]),
            "threats" => Make(threats: ["accountBreach", "dataExfiltration"]),
            _ => Make(tags: ["CIS 1.2"]),
        };

        a.Equals(b).Should().BeFalse();
        (a != b).Should().BeTrue();
    }

    [Fact]
    public void Equals_AScalarDiffers_IsFalse()
    {
        var a = Make();
        (a with { MaxPoints = 7 }).Should().NotBe(a);
        (a with { State = null }).Should().NotBe(a);
        (a with { Counts = new ResultCounts(4, 10) }).Should().NotBe(a);
        (a with { Name = "Require MFA for admins" }).Should().NotBe(a);
        a.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void With_ChangesOneProperty_KeepsTheOthersAndCopiesTheList()
    {
        var a = Make();
        var steps = new List<string> { "Step 1" };

        var b = a with { RemediationSteps = steps, State = ComplianceState.Compliant };
        steps.Add("Step 2");

        b.RemediationSteps.Should().Equal("Step 1");
        b.State.Should().Be(ComplianceState.Compliant);
        b.Id.Should().Be(a.Id);
        b.Threats.Should().Equal(a.Threats);
        b.Counts.Should().Be(a.Counts);
        a.State.Should().Be(ComplianceState.NotCompliant);
    }

    [Fact]
    public void With_ConvertsTimesToUtcLikeTheConstructor()
    {
        var b = Make() with { LastCalculated = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(2)) };
        b.LastCalculated!.Value.Offset.Should().Be(TimeSpan.Zero);
        b.LastCalculated.Value.Hour.Should().Be(8);
    }

    [Fact]
    public void With_InvalidValue_ThrowsLikeTheConstructorNamingTheParameter()
    {
        var a = Make();

        FluentActions.Invoking(() => a with { Id = default }).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => a with { Name = " " }).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => a with { Name = null! }).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => a with { Source = default }).Should().Throw<ArgumentException>().WithParameterName("source");
        FluentActions.Invoking(() => a with { Workload = default }).Should().Throw<ArgumentException>().WithParameterName("workload");
        FluentActions.Invoking(() => a with { Domain = default }).Should().Throw<ArgumentException>().WithParameterName("domain");
        FluentActions.Invoking(() => a with { Impact = (Impact)42 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("impact");
        FluentActions.Invoking(() => a with { MaxPoints = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxPoints");
        FluentActions.Invoking(() => a with { MaxPoints = double.NaN }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxPoints");
        FluentActions.Invoking(() => a with { State = (ComplianceState)42 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("state");
        FluentActions.Invoking(() => a with { ManageUrl = new Uri("ftp://example/x") }).Should().Throw<ArgumentException>().WithParameterName("manageUrl");
        FluentActions.Invoking(() => a with { RemediationSteps = ["ok", ""] }).Should().Throw<ArgumentException>().WithParameterName("remediationSteps");
        FluentActions.Invoking(() => a with { Threats = [" "] }).Should().Throw<ArgumentException>().WithParameterName("threats");
        FluentActions.Invoking(() => a with { Tags = [new string('t', 513)] }).Should().Throw<ArgumentException>().WithParameterName("tags");
        FluentActions.Invoking(() => a with { Description = new string('d', 64 * 1024 + 1) }).Should().Throw<ArgumentException>().WithParameterName("description");
    }
}
