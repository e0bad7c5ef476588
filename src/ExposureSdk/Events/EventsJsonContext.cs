using System.Text.Json.Serialization;

namespace ExposureSdk.Events;

/// <summary>
/// System.Text.Json source-generated metadata for score cards and security events (camelCase names,
/// enums as strings), for the history store and the command line.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScoreCard))]
[JsonSerializable(typeof(IReadOnlyList<ScoreCard>))]
[JsonSerializable(typeof(SecurityEvent))]
[JsonSerializable(typeof(IReadOnlyList<SecurityEvent>))]
public sealed partial class EventsJsonContext : JsonSerializerContext;
