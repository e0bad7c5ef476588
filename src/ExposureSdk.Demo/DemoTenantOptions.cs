using System.ComponentModel.DataAnnotations;
using ExposureSdk.Internal;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Demo;

/// <summary>
/// Options for <see cref="DemoTenant.Create(DemoTenantOptions?)"/>. Every default gives the tenant the
/// README, the samples and the tests show; change the seed to get another, equally plausible, tenant.
/// </summary>
/// <remarks>
/// The rules are DataAnnotations checked by a source-generated validator (the SDK's one options style)
/// when the tenant is created: an invalid value raises an <see cref="ArgumentException"/> (parameter
/// <c>options</c>) whose message names each invalid option, for example
/// <c>The field DemoTenantOptions.HistoryDays must be between 1 and 365.</c> The generator never reads the clock: <see cref="AsOf"/> is the reference instant of "today", and the
/// history runs back <see cref="HistoryDays"/> whole days from it. The same options always give the
/// same tenant, bit for bit, on every machine.
/// </remarks>
public sealed class DemoTenantOptions
{
    /// <summary>The default seed (1729).</summary>
    public const int DefaultSeed = 1729;

    /// <summary>The default number of assets (5,000).</summary>
    public const int DefaultAssetCount = 5000;

    /// <summary>The default number of days of history before today (60).</summary>
    public const int DefaultHistoryDays = 60;

    /// <summary>The default tenant id (<c>contoso-demo</c>).</summary>
    public const string DefaultTenantId = "contoso-demo";

    /// <summary>The default reference instant: 2026-11-21T06:00:00Z.</summary>
    public static DateTimeOffset DefaultAsOf { get; } = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Gets or sets the seed of the pseudo-random generator. Default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>
    /// Gets or sets the instant of today's snapshot; earlier snapshots are taken at the same time of day,
    /// one per day. Converted to UTC. Default <see cref="DefaultAsOf"/>.
    /// </summary>
    public DateTimeOffset AsOf { get; set; } = DefaultAsOf;

    /// <summary>
    /// Gets or sets how many daily snapshots precede today's, from 1 to 365. Default <see cref="DefaultHistoryDays"/>.
    /// </summary>
    [Range(1, 365)]
    public int HistoryDays { get; set; } = DefaultHistoryDays;

    /// <summary>
    /// Gets or sets the approximate number of assets (devices, identities, cloud resources, SaaS apps and
    /// data containers), from 500 to 200,000; the mix of kinds stays the same. Default <see cref="DefaultAssetCount"/>.
    /// </summary>
    [Range(500, 200_000)]
    public int AssetCount { get; set; } = DefaultAssetCount;

    /// <summary>Gets or sets the tenant id written into every snapshot; not empty or white space. Default <see cref="DefaultTenantId"/>.</summary>
    [Required]
    public string TenantId { get; set; } = DefaultTenantId;

    private static readonly DemoTenantOptionsValidator Validator = new();

    /// <summary>Checks the options for <see cref="DemoTenant.Create(DemoTenantOptions?)"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names each).</exception>
    internal void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(Validator, this, "options");
}

/// <summary>Validates <see cref="DemoTenantOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class DemoTenantOptionsValidator : IValidateOptions<DemoTenantOptions>;
