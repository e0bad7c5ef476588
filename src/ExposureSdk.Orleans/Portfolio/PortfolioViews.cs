using ExposureSdk.Orleans.Views;

namespace ExposureSdk.Orleans.Portfolio;

/// <summary>The answer of a portfolio query: what the tenants answered, and which tenants could not answer and why.</summary>
/// <typeparam name="T">The item type.</typeparam>
[GenerateSerializer, Immutable]
public sealed class PortfolioResult<T>
{
    /// <summary>Creates the message.</summary>
    /// <param name="items">The items, merged from every tenant that answered.</param>
    /// <param name="tenantsAsked">How many tenants were asked.</param>
    /// <param name="failures">The tenants that did not answer (misconfigured, timed out, failed), with the error; the others are still answered.</param>
    public PortfolioResult(IReadOnlyList<T> items, int tenantsAsked, IReadOnlyList<PortfolioFailure> failures)
    {
        Items = items;
        TenantsAsked = tenantsAsked;
        Failures = failures;
    }

    /// <summary>The items, merged from every tenant that answered.</summary>
    [Id(0)]
    public IReadOnlyList<T> Items { get; }

    /// <summary>How many tenants were asked.</summary>
    [Id(1)]
    public int TenantsAsked { get; }

    /// <summary>The tenants that did not answer (misconfigured, timed out, failed), with the error; the others are still answered.</summary>
    [Id(2)]
    public IReadOnlyList<PortfolioFailure> Failures { get; }
}

/// <summary>A tenant that could not answer its part of a portfolio query.</summary>
[GenerateSerializer, Immutable]
public sealed class PortfolioFailure
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="error">Why (the error's message).</param>
    public PortfolioFailure(string tenantId, string error)
    {
        TenantId = tenantId;
        Error = error;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>Why (the error's message).</summary>
    [Id(1)]
    public string Error { get; }
}

/// <summary>One tenant's initiative, in a list across tenants.</summary>
[GenerateSerializer, Immutable]
public sealed class PortfolioInitiativeView
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="initiative">The initiative's score, target and availability.</param>
    public PortfolioInitiativeView(string tenantId, InitiativeView initiative)
    {
        TenantId = tenantId;
        Initiative = initiative;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>The initiative's score, target and availability.</summary>
    [Id(1)]
    public InitiativeView Initiative { get; }
}

/// <summary>A tenant with initiatives below their target.</summary>
[GenerateSerializer, Immutable]
public sealed class TenantBelowTargetView
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="secureScore">Its Secure Score in percent, or <see langword="null"/>.</param>
    /// <param name="initiatives">Its available initiatives whose score is below their target, the largest gap first.</param>
    public TenantBelowTargetView(string tenantId, double? secureScore, IReadOnlyList<InitiativeView> initiatives)
    {
        TenantId = tenantId;
        SecureScore = secureScore;
        Initiatives = initiatives;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>Its Secure Score in percent, or <see langword="null"/>.</summary>
    [Id(1)]
    public double? SecureScore { get; }

    /// <summary>Its available initiatives whose score is below their target, the largest gap first.</summary>
    [Id(2)]
    public IReadOnlyList<InitiativeView> Initiatives { get; }
}
