namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The result of one in-process run of the CLI.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>How long one run may take before the test fails: a run that waits for something that never comes fails its test at once, named.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code;
        try
        {
            code = await Program.RunAsync(args, stdout, stderr).WaitAsync(Bound);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The CLI run `{string.Join(' ', args)}` did not finish within {Bound.TotalSeconds:0} s. Stderr so far: {stderr}", ex);
        }

        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
