namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>The cluster tests run one at a time: each starts three silos, and the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTestGroup
{
    public const string Name = "Orleans cluster";
}
