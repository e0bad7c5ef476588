using ExposureSdk.Providers.MicrosoftGraph.Transport;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData(" 120 ", 120)]
    public void FromRetryAfter_Seconds_IsThatManySeconds(string header, int seconds)
        => RetryDelay.FromRetryAfter(header, Now).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void FromRetryAfter_HttpDate_IsTheTimeUntilThen()
        => RetryDelay.FromRetryAfter("Sat, 21 Nov 2026 06:00:30 GMT", Now).Should().Be(TimeSpan.FromSeconds(30));

    [Fact]
    public void FromRetryAfter_HttpDateInThePast_IsZero()
        => RetryDelay.FromRetryAfter("Sat, 21 Nov 2026 05:00:00 GMT", Now).Should().Be(TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void FromRetryAfter_AbsentOrUnreadable_IsNull(string? header)
        => RetryDelay.FromRetryAfter(header, Now).Should().BeNull();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void Backoff_DoublesFromTheBaseDelayUpToTheCap(int retry, int expectedSeconds)
        => RetryDelay.Backoff(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)).Should().Be(TimeSpan.FromSeconds(expectedSeconds));
}
