using Azure.Identity;
using ExposureSdk.Samples.Cli.Inputs;
using ExposureSdk.Samples.Common;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary><c>--auth</c> for <c>--source graph</c> (issue 11 §7): parsing, the credential each mode maps to, and errors. No test calls Azure.</summary>
public sealed class CliGraphAuthenticationTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("azure-cli")]
    [InlineData("environment")]
    [InlineData("managed-identity")]
    [InlineData("MANAGED-IDENTITY")]
    public void Parse_CredentialMode_HasNoTokenVariable(string auth)
    {
        var parsed = GraphAuthentication.Parse(auth, null);

        parsed.Mode.Should().Be(auth.ToLowerInvariant());
        parsed.TokenEnvironmentVariable.Should().BeNull();
    }

    [Fact]
    public void Parse_TokenEnvWithVariable_KeepsTheVariable()
        => GraphAuthentication.Parse("token-env", "GRAPH_TOKEN").Should().Be(new GraphAuthentication("token-env", "GRAPH_TOKEN"));

    [Fact]
    public void Parse_AccessTokenEnvAlone_IsTokenEnvAsBefore()
        => GraphAuthentication.Parse(null, "GRAPH_TOKEN").Should().Be(new GraphAuthentication("token-env", "GRAPH_TOKEN"));

    [Theory]
    [InlineData(null, null, "--auth azure-cli|environment|managed-identity|token-env")]
    [InlineData("token-env", null, "--auth token-env needs --access-token-env NAME")]
    [InlineData("token-env", "  ", "--auth token-env needs --access-token-env NAME")]
    [InlineData("azure-cli", "GRAPH_TOKEN", "--access-token-env goes with --auth token-env only")]
    [InlineData("kerberos", null, "--auth: 'kerberos' is not one of")]
    public void Parse_InvalidCombination_ThrowsInputExceptionNamingTheOptions(string? auth, string? variable, string message)
    {
        var act = () => GraphAuthentication.Parse(auth, variable);

        act.Should().Throw<InputException>().WithMessage("*" + message + "*");
    }

    [Fact]
    public void CreateCredential_AzureCli_IsAzureCliCredential()
        => new GraphAuthentication("azure-cli", null).CreateCredential(Variables()).Should().BeOfType<AzureCliCredential>();

    [Fact]
    public void CreateCredential_ManagedIdentity_IsManagedIdentityCredential()
    {
        new GraphAuthentication("managed-identity", null).CreateCredential(Variables()).Should().BeOfType<ManagedIdentityCredential>();
        new GraphAuthentication("managed-identity", null).CreateCredential(Variables(("AZURE_CLIENT_ID", "00000000-0000-4000-8000-000000000001"))).Should().BeOfType<ManagedIdentityCredential>();
    }

    [Theory]
    [InlineData("AZURE_CLIENT_SECRET")]
    [InlineData("AZURE_CLIENT_CERTIFICATE_PATH")]
    public void CreateCredential_EnvironmentWithServicePrincipal_IsEnvironmentCredential(string secretVariable)
    {
        var credential = new GraphAuthentication("environment", null).CreateCredential(
            Variables(("AZURE_TENANT_ID", "contoso.onmicrosoft.com"), ("AZURE_CLIENT_ID", "00000000-0000-4000-8000-000000000001"), (secretVariable, "x")));

        credential.Should().BeOfType<EnvironmentCredential>();
    }

    [Fact]
    public void CreateCredential_EnvironmentWithoutVariables_ThrowsNamingEachMissingOne()
    {
        var act = () => new GraphAuthentication("environment", null).CreateCredential(Variables(("AZURE_CLIENT_ID", "id")));

        act.Should().Throw<InputException>().WithMessage("--auth environment: set AZURE_TENANT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH*");
    }

    [Fact]
    public void CreateCredential_TokenEnv_HasNoCredential()
    {
        var act = () => new GraphAuthentication("token-env", "X").CreateCredential(Variables());

        act.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(new[] { "report", "--source", "graph", "--auth", "token-env" }, "--auth token-env needs --access-token-env")]
    [InlineData(new[] { "report", "--source", "graph", "--auth", "managed-identity", "--access-token-env", "X" }, "--access-token-env goes with --auth token-env only")]
    [InlineData(new[] { "report", "--source", "graph", "--auth", "kerberos" }, "kerberos")]
    [InlineData(new[] { "report", "--source", "graph" }, "--auth azure-cli|environment|managed-identity|token-env")]
    public async Task Report_InvalidAuth_ExitsTwoNamingTheOption(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Stderr.Should().Contain(message);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_AuthTokenEnvWithUnsetVariable_ExitsTwoNamingTheVariable()
    {
        var name = "EXPOSURESDK_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        var run = await CliRun.RunAsync("report", "--source", "graph", "--auth", "token-env", "--access-token-env", name);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Stderr.Should().Contain(name);
    }

    [Fact]
    public async Task Help_ListsTheAuthModes()
    {
        var run = await CliRun.RunAsync("report", "--help");

        run.Stdout.Should().Contain("--auth").And.Contain("azure-cli").And.Contain("managed-identity").And.Contain("token-env");
    }
}
