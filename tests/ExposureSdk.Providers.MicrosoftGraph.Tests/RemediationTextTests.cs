using ExposureSdk.Providers.MicrosoftGraph.Mapping;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed class RemediationTextTests
{
    [Fact]
    public void ToSteps_PlainText_IsOneStep()
        => RemediationText.ToSteps("  Turn on MFA   for admins. ").Should().Equal("Turn on MFA for admins.");

    [Fact]
    public void ToSteps_HtmlList_BecomesOneStepPerItemWithEntitiesDecoded()
    {
        const string html = "<p>To turn on MFA:</p><ol><li>Go to <b>Entra&nbsp;ID</b> &gt; Security</li><li>Select &quot;Enable&quot; &amp; save</li></ol>";

        RemediationText.ToSteps(html).Should().Equal("To turn on MFA:", "Go to Entra ID > Security", "Select \"Enable\" & save");
    }

    [Fact]
    public void ToSteps_LinksAndBreaks_KeepLinkUrlAndSplitOnBreaks()
    {
        const string html = "Open the <a href=\"https://security.microsoft.com/policy\">policy page</a>.<br/>Then save.<BR>Done";

        RemediationText.ToSteps(html).Should().Equal("Open the policy page (https://security.microsoft.com/policy).", "Then save.", "Done");
    }

    [Fact]
    public void ToSteps_ScriptStyleAndComments_AreDropped()
        => RemediationText.ToSteps("<style>p{color:red}</style><script>alert(1)</script><!-- note -->Keep <span class='x'>this</span>")
            .Should().Equal("Keep this");

    [Fact]
    public void ToSteps_RelativeOrScriptLink_KeepsOnlyTheText()
        => RemediationText.ToSteps("<a href=\"javascript:alert(1)\">click</a> and <a href='/relative'>here</a>").Should().Equal("click and here");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  <br/> <p></p> ")]
    public void ToSteps_NothingToSay_IsEmpty(string? html)
        => RemediationText.ToSteps(html).Should().BeEmpty();
}
