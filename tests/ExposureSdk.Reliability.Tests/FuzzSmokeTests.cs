using ExposureSdk.Fuzz;
using Xunit.Abstractions;

namespace ExposureSdk.Reliability.Tests;

/// <summary>
/// The short seeded fuzz run (issue 17 §2): the same inputs at every run (inputs 0 to N − 1 of seed 20261203,
/// the long run's first inputs) through every parser of outside input; each must be accepted or refused with
/// the parser's documented exception. A finding is shrunk with CsCheck and its input printed.
/// <c>dotnet run --project tests/ExposureSdk.Fuzz -c Release</c> is the long run (docs/quality.md).
/// </summary>
public sealed class FuzzSmokeTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<FuzzTarget> Targets = FuzzTarget.All(Seeds.FindFixtures());

    public static TheoryData<string> Names() => [.. Targets.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void SeededRun_EveryInputIsAcceptedOrRefusedWithTheDocumentedException(string name)
    {
        var index = Targets.Select(t => t.Name).ToList().IndexOf(name);
        var report = FuzzRunner.Run(Targets[index], (uint)(index + 1), 20261203, inputs: 300, duration: null, threads: 1, findingsFolder: null);

        output.WriteLine(TargetReport.Header);
        output.WriteLine(report.ToString());
        report.Findings.Should().BeEmpty(string.Join("\n\n", report.Findings.Select(f =>
            $"{f.Signature} (seed {f.Seed}, {f.Case}): {f.Message}\ninput (base64): {Convert.ToBase64String(f.Input)}")));
        report.Inputs.Should().Be(300);
        report.Accepted.Should().BeGreaterThan(0, "some inputs must get through the parser");
        report.Rejected.Should().BeGreaterThan(0, "some inputs must be refused");
    }
}
