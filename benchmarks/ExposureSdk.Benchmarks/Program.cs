using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace ExposureSdk.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/ExposureSdk.Benchmarks -- --filter '*' --job short</c>.
/// Every BenchmarkDotNet command-line option works (filters, jobs, exporters). On the shared 2-core
/// machine the generated project of a run can take more than BenchmarkDotNet's default two minutes
/// to build, so the build timeout is 15 minutes unless <c>--buildTimeout</c> is given.
/// </summary>
/// <remarks>
/// <c>--side-by-side &lt;folder&gt;</c> measures an older version of the SDK against this one in the same run:
/// <c>&lt;folder&gt;</c> holds the older source tree (for example <c>git archive &lt;commit&gt; | tar -x -C &lt;folder&gt;</c>),
/// and every benchmark runs twice with the short job, once as <c>Before</c> (this suite's code built in the
/// <c>Before</c> configuration against that tree's <c>src/ExposureSdk</c> and dataset generator, see the
/// project file) and once as <c>After</c> (this tree). Do not add <c>--job</c> then. <c>--launches N</c> runs each
/// job in N processes (default 1): per-process effects (memory placement, string hash seeds) move a random-access
/// benchmark by up to 2×, so one process per job cannot test a 5% budget.
/// <c>--assets 100000</c> (or a comma-separated list) runs every size-parameterised class at those asset counts only.
/// </remarks>
public static class Program
{
    /// <summary>The environment variable through which the <c>Before</c> build finds the older tree (child processes inherit it).</summary>
    public const string BeforeTreeVariable = "EXPOSURESDK_BEFORE_TREE";

    public static void Main(string[] args)
    {
        if (!args.Any(a => a.Equals("--buildTimeout", StringComparison.OrdinalIgnoreCase)))
        {
            args = [.. args, "--buildTimeout", "900"];
        }

        var assets = Array.FindIndex(args, a => a.Equals("--assets", StringComparison.OrdinalIgnoreCase));
        if (assets >= 0 && assets + 1 < args.Length)
        {
            Environment.SetEnvironmentVariable(BenchmarkSizes.Variable, args[assets + 1]);
            args = [.. args[..assets], .. args[(assets + 2)..]];
        }

        var config = BenchmarkConfig.Create();
        var sideBySide = Array.FindIndex(args, a => a.Equals("--side-by-side", StringComparison.OrdinalIgnoreCase));
        if (sideBySide >= 0)
        {
            if (sideBySide + 1 >= args.Length || !Directory.Exists(Path.Combine(args[sideBySide + 1], "src", "ExposureSdk")))
            {
                Console.Error.WriteLine("--side-by-side needs the folder of an older source tree (with src/ExposureSdk).");
                Environment.Exit(2);
            }

            Environment.SetEnvironmentVariable(BeforeTreeVariable, Path.GetFullPath(args[sideBySide + 1]));
            args = [.. args[..sideBySide], .. args[(sideBySide + 2)..]];
            var launches = Array.FindIndex(args, a => a.Equals("--launches", StringComparison.OrdinalIgnoreCase));
            var launchCount = 1;
            if (launches >= 0)
            {
                if (launches + 1 >= args.Length || !int.TryParse(args[launches + 1], out launchCount) || launchCount < 1)
                {
                    Console.Error.WriteLine("--launches needs a whole number of at least 1.");
                    Environment.Exit(2);
                }

                args = [.. args[..launches], .. args[(launches + 2)..]];
            }

            config = config
                .AddJob(Job.ShortRun.WithLaunchCount(launchCount).WithCustomBuildConfiguration("Before").WithId("Before"))
                .AddJob(Job.ShortRun.WithLaunchCount(launchCount).WithId("After"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
