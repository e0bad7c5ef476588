namespace ExposureSdk.Tests.Support;

/// <summary>How long a test waits for anything (a refresh, a read, a background task) before it fails: every wait is bounded, so a hang fails the test that hangs.</summary>
internal static class TestBounds
{
    /// <summary>The bound of one wait: far above what a healthy wait takes on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);
}
