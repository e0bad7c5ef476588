using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;

namespace ExposureSdk.Fuzz;

/// <summary>How one input ended.</summary>
public enum Outcome
{
    /// <summary>Parsed.</summary>
    Accepted,

    /// <summary>Refused with the parser's documented exception, which wraps no sign of a bug.</summary>
    Rejected,
}

/// <summary>An input that ended in neither outcome: another exception, a documented one wrapping a bug, a hang or too much memory.</summary>
public sealed class FuzzFindingException(string target, string signature, string message, Exception? inner) : Exception(message, inner)
{
    public string Target { get; } = target;

    /// <summary>The kind of failure and where it happened (the exception type and top frame), to tell findings apart.</summary>
    public string Signature { get; } = signature;
}

/// <summary>A finding, shrunk: the smallest failing input CsCheck's shrinking found, and the seed that replays the first one.</summary>
public sealed record Finding(string Target, string Signature, string Seed, FuzzCase Case, byte[] Input, string Message);

/// <summary>The counts of one target's run.</summary>
public sealed record TargetReport(string Target, string Documented, long Inputs, long Accepted, long Rejected, IReadOnlyList<Finding> Findings, TimeSpan Elapsed, double SlowestMs, long MaxAllocatedBytes)
{
    public double PerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Target,-24} {Inputs,11:N0} {PerSecond,9:N0}/s {Accepted,10:N0} {Rejected,11:N0} {Findings.Count,8:N0} {SlowestMs,9:N0} ms {MaxAllocatedBytes / 1048576.0,8:N1} MB   {Documented}");

    public const string Header = "target                        inputs    inputs/s   accepted    rejected findings   slowest   max alloc   documented exception";
}

/// <summary>
/// Feeds a target generated inputs and sorts each outcome: accepted, rejected with the documented exception
/// (which must wrap no sign of a bug), or a finding (any other exception, a documented one wrapping a
/// <see cref="NullReferenceException"/>, <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>
/// and the like, more than <see cref="HangLimit"/> on one input, or more than <see cref="MemoryLimitBytes"/>
/// allocated for one). Inputs are generated from a seed, input i from <c>new PCG(stream, seed + i)</c>, so a
/// run is reproducible; each finding is shrunk with CsCheck and saved.
/// </summary>
public static class FuzzRunner
{
    /// <summary>Longer than this on one input is a hang.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(2);

    /// <summary>More than this allocated for one input is unbounded memory.</summary>
    public const long MemoryLimitBytes = 512L * 1024 * 1024;

    private static readonly Type[] BugTypes =
    [
        typeof(NullReferenceException), typeof(IndexOutOfRangeException), typeof(ArgumentException), typeof(InvalidOperationException),
        typeof(InvalidCastException), typeof(KeyNotFoundException), typeof(ArithmeticException), typeof(FormatException),
        typeof(NotSupportedException), typeof(NotImplementedException), typeof(OutOfMemoryException), typeof(InsufficientExecutionStackException),
        typeof(FuzzInconsistencyException), typeof(OperationCanceledException),
    ];

    /// <summary>Runs one input: its outcome, or a <see cref="FuzzFindingException"/>.</summary>
    public static Outcome RunOne(FuzzTarget target, FuzzCase c, byte[] input, out double milliseconds, out long allocated)
    {
        using var cancel = new CancellationTokenSource(HangLimit * 5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            target.Run(input, c, cancel.Token);
            outcome = Outcome.Accepted;
        }
        catch (Exception ex) when (target.IsDocumented(ex) && Translated(ex))
        {
            outcome = Outcome.Rejected;
        }
        catch (Exception ex)
        {
            var bug = Bug(ex) ?? ex;
            throw new FuzzFindingException(target.Name, Signature(bug), $"{ex.GetType().Name}: {ex.Message}" + (bug == ex ? "" : $" (wrapping {bug.GetType().Name}: {bug.Message})"), ex);
        }
        finally
        {
            clock.Stop();
        }

        milliseconds = clock.Elapsed.TotalMilliseconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (clock.Elapsed > HangLimit && !FastOnRetry(target, c, input))
        {
            throw new FuzzFindingException(target.Name, "hang", $"one input took {milliseconds:N0} ms (more than {HangLimit.TotalSeconds} s)", null);
        }

        if (allocated > MemoryLimitBytes)
        {
            throw new FuzzFindingException(target.Name, "memory", $"one input of {input.Length:N0} bytes allocated {allocated:N0} bytes", null);
        }

        return outcome;
    }

    /// <summary>An input that was slow once (a loaded machine, a collection) counts as a hang only when it is slow again.</summary>
    private static bool FastOnRetry(FuzzTarget target, FuzzCase c, byte[] input)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            target.Run(input, c, CancellationToken.None);
        }
        catch (Exception)
        {
            // The outcome was sorted by the first run.
        }

        if (clock.Elapsed <= HangLimit)
        {
            Interlocked.Increment(ref slowOnce);
            return true;
        }

        return false;
    }

    private static long slowOnce;

    /// <summary>Inputs that took more than the hang limit once and less on a second run (reported, not findings).</summary>
    public static long SlowOnce => Interlocked.Read(ref slowOnce);

    /// <summary>
    /// Runs <paramref name="inputs"/> inputs (or until <paramref name="duration"/> has passed) on
    /// <paramref name="threads"/> threads, inputs seed, seed + 1, … of the target's generator.
    /// </summary>
    public static TargetReport Run(FuzzTarget target, uint stream, ulong seed, long inputs, TimeSpan? duration, int threads, string? findingsFolder, Action<string>? progress = null)
    {
        long next = -1, accepted = 0, rejected = 0, slowest = 0, maxAllocated = 0;
        var failures = new ConcurrentDictionary<string, (string Seed, FuzzCase Case, FuzzFindingException Error)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var deadline = duration is { } d ? clock.Elapsed + d : TimeSpan.MaxValue;
        var gen = target.Cases;
        var current = new (long Started, string Seed, FuzzCase? Case)[Math.Max(1, threads)];
        var workers = Enumerable.Range(0, current.Length).Select(w => new Thread(() =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < inputs && clock.Elapsed < deadline)
            {
                var pcg = new PCG(stream, seed + (ulong)i);
                var seedText = pcg.ToString();
                var c = gen.Generate(pcg, null, out _);
                var input = target.Input(c);
                current[w] = (Stopwatch.GetTimestamp(), seedText, c);
                try
                {
                    var outcome = RunOne(target, c, input, out var ms, out var allocated);
                    Interlocked.Increment(ref outcome == Outcome.Accepted ? ref accepted : ref rejected);
                    Max(ref slowest, (long)ms);
                    Max(ref maxAllocated, allocated);
                }
                catch (FuzzFindingException ex)
                {
                    failures.TryAdd(ex.Signature, (seedText, c, ex));
                }

                current[w] = default;

                if (progress is not null && i > 0 && i % 100_000 == 0)
                {
                    progress(string.Create(CultureInfo.InvariantCulture, $"  {target.Name}: {i:N0} inputs, {i / clock.Elapsed.TotalSeconds:N0}/s, {failures.Count} findings"));
                }
            }
        })
        { IsBackground = true, Name = "fuzz " + target.Name }).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        Watch(workers, current, target, findingsFolder);
        clock.Stop();

        var findings = failures.Values.Select(f => Shrink(target, f.Seed, f.Case, f.Error)).ToList();
        if (findingsFolder is not null)
        {
            foreach (var finding in findings)
            {
                Save(finding, findingsFolder);
            }
        }

        var total = Math.Min(inputs, next);
        return new TargetReport(target.Name, target.Documented, total, accepted, rejected, findings, clock.Elapsed, slowest, maxAllocated);
    }

    /// <summary>
    /// Waits for the workers. An input that has not returned after 10 × <see cref="HangLimit"/> (an endless loop
    /// cannot be stopped) is saved as a finding and fails the run at once.
    /// </summary>
    private static void Watch(Thread[] workers, (long Started, string Seed, FuzzCase? Case)[] current, FuzzTarget target, string? findingsFolder)
    {
        foreach (var worker in workers)
        {
            while (!worker.Join(TimeSpan.FromSeconds(1)))
            {
                foreach (var (started, seed, c) in current)
                {
                    if (c is not null && Stopwatch.GetElapsedTime(started) > HangLimit * 10)
                    {
                        var finding = new Finding(target.Name, "hang", seed, c, target.Input(c), $"one input has not returned after {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s");
                        if (findingsFolder is not null)
                        {
                            Save(finding, findingsFolder);
                        }

                        throw new FuzzFindingException(target.Name, "hang", $"{target.Name}: {finding.Message}; seed {seed}, {c}", null);
                    }
                }
            }
        }
    }

    /// <summary>Shrinks a finding with CsCheck: replays its seed, then looks for smaller inputs with the same signature.</summary>
    public static Finding Shrink(FuzzTarget target, string seed, FuzzCase original, FuzzFindingException error)
    {
        var smallest = (Case: original, Input: target.Input(original), Error: error);
        try
        {
            target.Cases.Sample(
                c =>
                {
                    var input = target.Input(c);
                    try
                    {
                        RunOne(target, c, input, out _, out _);
                    }
                    catch (FuzzFindingException ex) when (ex.Signature == error.Signature)
                    {
                        lock (target)
                        {
                            if (input.Length < smallest.Input.Length)
                            {
                                smallest = (c, input, ex);
                            }
                        }

                        throw;
                    }
                },
                seed: seed,
                iter: 3_000,
                threads: 1);
        }
        catch (CsCheckException)
        {
        }

        return new Finding(target.Name, error.Signature, seed, smallest.Case, smallest.Input, smallest.Error.Message + Environment.NewLine + smallest.Error.InnerException);
    }

    private static void Save(Finding finding, string folder)
    {
        var directory = Path.Combine(folder, finding.Target);
        Directory.CreateDirectory(directory);
        var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(finding.Signature)))[..12].ToLowerInvariant();
        File.WriteAllBytes(Path.Combine(directory, name + ".input"), finding.Input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), $"{finding.Signature}\nseed {finding.Seed}\n{finding.Case}\n\n{finding.Message}\n");
    }

    /// <summary>
    /// Whether a documented exception is a clear report rather than a wrapped bug: it wraps no sign of a bug, or
    /// it wraps one it translated into its own words (a parser that catches the JSON reader's "cannot transcode
    /// invalid UTF-8" and says "not valid JSON … (line, byte)"). A generic wrap names the wrapped type ("Reading
    /// recommendations failed: InvalidOperationException."), and that is a finding.
    /// </summary>
    private static bool Translated(Exception documented)
    {
        var bug = Bug(documented.InnerException);
        if (bug is null)
        {
            return true;
        }

        for (var e = documented; e is not null && e != bug; e = e.InnerException)
        {
            if (e.Message.Contains(bug.GetType().Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first exception in the chain (inner exceptions, aggregates) that is a sign of a bug rather than of bad input.</summary>
    public static Exception? Bug(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (BugTypes.Any(t => t.IsInstanceOfType(e)))
            {
                return e;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Bug).FirstOrDefault(b => b is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string Signature(Exception bug)
    {
        var frame = new StackTrace(bug, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("ExposureSdk", StringComparison.Ordinal) == true)
            ?? new StackTrace(bug, false).GetFrame(0);
        var method = frame?.GetMethod();
        return $"{bug.GetType().Name} at {method?.DeclaringType?.FullName}.{method?.Name}";
    }

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
