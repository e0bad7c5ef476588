namespace ExposureSdk.Providers;

/// <summary>
/// The one exception a source provider raises when its source failed or gave data the SDK cannot
/// use. It names the provider and, where known, the HTTP status code, the source's error code, the
/// request id, the record and the field at fault. The original exception, if any, is the
/// <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>Messages never contain access tokens or raw payloads.</remarks>
public sealed class ExposureSourceException : Exception
{
    /// <summary>Creates an exception with no provider details (for serializers and tooling).</summary>
    public ExposureSourceException()
        : this("A source provider failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ExposureSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception that caused it.</param>
    public ExposureSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the provider and what failed.</summary>
    /// <param name="providerName">The provider that failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception that caused it, if any.</param>
    /// <param name="statusCode">The HTTP status code, if the source is an HTTP service.</param>
    /// <param name="errorCode">The source's own error code (for example a Graph error code).</param>
    /// <param name="requestId">The request id the source returned, for support cases.</param>
    /// <param name="recordId">The record at fault, if one record was bad.</param>
    /// <param name="field">The field at fault, if one field was bad.</param>
    public ExposureSourceException(
        string providerName,
        string message,
        Exception? innerException = null,
        int? statusCode = null,
        string? errorCode = null,
        string? requestId = null,
        string? recordId = null,
        string? field = null)
        : base(Compose(providerName, message, statusCode, errorCode, requestId, recordId, field), innerException)
    {
        ProviderName = providerName;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        RecordId = recordId;
        Field = field;
    }

    /// <summary>The provider that failed, if known.</summary>
    public string? ProviderName { get; }

    /// <summary>The HTTP status code, if the source is an HTTP service.</summary>
    public int? StatusCode { get; }

    /// <summary>The source's own error code.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request id the source returned.</summary>
    public string? RequestId { get; }

    /// <summary>The record at fault.</summary>
    public string? RecordId { get; }

    /// <summary>The field at fault.</summary>
    public string? Field { get; }

    private static string Compose(string providerName, string message, int? statusCode, string? errorCode, string? requestId, string? recordId, string? field)
    {
        var text = new System.Text.StringBuilder();
        text.Append("Source provider '").Append(providerName).Append("': ").Append(message);
        if (recordId is not null)
        {
            text.Append(" Record: '").Append(recordId).Append("'.");
        }

        if (field is not null)
        {
            text.Append(" Field: '").Append(field).Append("'.");
        }

        if (statusCode is not null)
        {
            text.Append(" HTTP status: ").Append(statusCode.Value).Append('.');
        }

        if (errorCode is not null)
        {
            text.Append(" Error code: ").Append(errorCode).Append('.');
        }

        if (requestId is not null)
        {
            text.Append(" Request id: ").Append(requestId).Append('.');
        }

        return text.ToString();
    }
}
