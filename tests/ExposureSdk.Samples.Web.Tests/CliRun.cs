namespace ExposureSdk.Samples.Web.Tests;

/// <summary>The CLI sample run in process (its JSON is what the API must equal).</summary>
internal static class CliRun
{
    public static async Task<string> JsonAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.Program.RunAsync([.. args, "--format", "json"], stdout, stderr);
        code.Should().Be(0, stderr.ToString());
        return stdout.ToString();
    }
}
