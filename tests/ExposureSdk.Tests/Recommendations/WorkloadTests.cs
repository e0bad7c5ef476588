namespace ExposureSdk.Tests.Recommendations;

public sealed class WorkloadTests
{
    [Fact]
    public void WellKnown_HasTheTwentySixDocumentedWorkloads_WithSixPreviews()
    {
        Workload.WellKnown.Should().HaveCount(26).And.OnlyHaveUniqueItems();
        Workload.WellKnown.Where(w => w.IsPreview).Select(w => w.Name).Should().BeEquivalentTo(
            "Atlassian", "Dropbox", "NetDocuments", "Slack", "Workplace", "Zendesk");
    }

    [Theory]
    [InlineData("intune")]
    [InlineData("INTUNE")]
    [InlineData("Intune")]
    public void Parse_WellKnownNameInAnyCase_ReturnsCanonicalInstance(string name)
    {
        var workload = Workload.Parse(name);

        workload.Should().Be(Workload.Intune);
        workload.Name.Should().Be("Intune");
        workload.IsWellKnown.Should().BeTrue();
    }

    [Fact]
    public void Parse_UnknownName_IsAcceptedAsIs()
    {
        var workload = Workload.Parse("Contoso Firewall");

        workload.Name.Should().Be("Contoso Firewall");
        workload.IsWellKnown.Should().BeFalse();
        workload.IsPreview.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyName_Throws(string name)
        => FluentActions.Invoking(() => Workload.Parse(name)).Should().Throw<ArgumentException>();
}
