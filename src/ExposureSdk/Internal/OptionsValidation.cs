using Microsoft.Extensions.Options;

namespace ExposureSdk.Internal;

/// <summary>
/// Checks options for callers outside dependency injection (the engine's static entry points, the
/// snapshot reader, a pipeline built by hand) with the same source-generated validator that
/// <c>ValidateOnStart</c> runs in a host, so one set of DataAnnotations rules gives one set of messages.
/// </summary>
internal static class OptionsValidation
{
    /// <summary>Throws when the options are invalid.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="validator">The options type's generated validator.</param>
    /// <param name="options">The options.</param>
    /// <param name="paramName">The caller's parameter that holds the options.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each invalid member (nested ones by their path, for example <c>Scoring.HighWeight</c>).</exception>
    public static void ThrowIfInvalid<TOptions>(IValidateOptions<TOptions> validator, TOptions options, string paramName)
        where TOptions : class
    {
        var result = validator.Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException($"Invalid {typeof(TOptions).Name}: {string.Join(" ", result.Failures ?? [result.FailureMessage])}", paramName);
        }
    }
}
