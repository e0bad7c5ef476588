using ExposureSdk.Orleans.Hosting;

namespace ExposureSdk.Orleans.Tests.Hosting;

public sealed class ExposureGrainOptionsTests
{
    [Fact]
    public void Defaults_AreValid_PartitionLoadTimeoutOneHour()
    {
        var options = new ExposureGrainOptions();

        options.PartitionLoadTimeout.Should().Be(TimeSpan.FromHours(1)).And.Be(ExposureGrainOptions.DefaultPartitionLoadTimeout);
        options.Invoking(o => o.ThrowIfInvalid("options")).Should().NotThrow();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24 * 3600 + 1)]
    public void PartitionLoadTimeout_OutsideZeroTo24Hours_RefusedNamingTheOption(int seconds)
    {
        var options = new ExposureGrainOptions { PartitionLoadTimeout = TimeSpan.FromSeconds(seconds) };

        options.Invoking(o => o.ThrowIfInvalid("options")).Should().Throw<ArgumentException>().WithMessage("*PartitionLoadTimeout*");
    }
}
