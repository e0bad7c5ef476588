using ExposureSdk.Providers;

namespace ExposureSdk.Tests.Support;

internal sealed class InMemoryExposureSourceProviderBuilder(string name)
{
    private readonly List<Recommendation> _recommendations = [];

    public InMemoryExposureSourceProviderBuilder With(Recommendation recommendation)
    {
        _recommendations.Add(recommendation);
        return this;
    }

    public InMemoryExposureSourceProvider Build() => new(name, _recommendations);
}
