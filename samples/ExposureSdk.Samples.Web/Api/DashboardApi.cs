using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExposureSdk.Samples.Web.Hosting;

namespace ExposureSdk.Samples.Web.Api;

/// <summary>
/// The JSON API under <c>/api</c>. Every route answers with a shape of the CLI's <c>--format json</c> (contracts
/// §2), written by the same model builders and the same serializer settings, so a script can use either:
/// <list type="bullet">
/// <item><c>GET /api/report</c>: <c>report --format json</c>, with its recommendation filters as query parameters
/// (<c>state</c>, <c>impact</c>, <c>domain</c>, <c>workload</c>, <c>recommendation-source</c>, <c>search</c>, <c>top</c>);</item>
/// <item><c>GET /api/events</c>: <c>events --format json</c> (the latest refresh against its baseline);</item>
/// <item><c>GET /api/initiatives/{id}</c>, <c>GET /api/metrics/{id}</c>: <c>explain --initiative|--metric ID --format json</c>;</item>
/// <item><c>GET /api/plan</c>: <c>plan --format json</c> (<c>initiative</c>, <c>top</c>).</item>
/// </list>
/// Bad input is a 400 problem with the message, an unknown id a 404, and before the first recorded refresh
/// every route answers 503.
/// </summary>
internal static class DashboardApi
{
    private const int PlanDefaultTop = 15;

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/report", ReportAsync);
        api.MapGet("/events", EventsAsync);
        api.MapGet("/initiatives/{id}", (string id, DashboardData data) => WithData(data, r =>
            r.Report.FindInitiative(id) is null
                ? NotFound($"no initiative '{id}'")
                : Json(DetailModels.ExplainInitiative(r.Report, id), ContractJsonContext.Output.ExplanationJson)));
        api.MapGet("/metrics/{id}", (string id, DashboardData data) => WithData(data, r =>
            r.Report.FindMetric(id) is null
                ? NotFound($"no metric '{id}'")
                : Json(DetailModels.ExplainMetric(r.Report, id), ContractJsonContext.Output.ExplanationJson)));
        api.MapGet("/plan", (HttpRequest request, DashboardData data) => WithData(data, r =>
        {
            var initiative = Single(request, "initiative");
            if (!TryInt(request, "top", PlanDefaultTop, out var top) || top < 1)
            {
                return BadRequest($"top: must be a whole number of at least 1 (got '{request.Query["top"]}').");
            }

            if (initiative is not null && r.Report.FindInitiative(initiative) is null)
            {
                return NotFound($"no initiative '{initiative}'");
            }

            var plan = data.Plan(r);
            var steps = initiative is null ? plan.Steps : plan.ForInitiative(new InitiativeId(initiative));
            return Json(DetailModels.Plan(r.Snapshot, initiative, top, steps), ContractJsonContext.Output.PlanJson);
        }));
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(HttpRequest request, DashboardData data, CancellationToken cancellationToken)
    {
        if (data.Current is not { } result)
        {
            return NoData();
        }

        RecommendationFilter filter;
        try
        {
            int? top = null;
            if (Single(request, "top") is { } text)
            {
                top = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new InputException($"top: '{text}' is not a whole number.");
            }

            filter = new RecommendationFilter(
                Joined(request, "state"), Joined(request, "impact"), Joined(request, "domain"), Joined(request, "workload"),
                Joined(request, "recommendation-source"), Single(request, "search"), top, prefix: string.Empty);
        }
        catch (InputException ex)
        {
            return BadRequest(ex.Message);
        }

        var model = DashboardModel.Build(await data.DashboardAsync(result, latestComparison: false, cancellationToken), filter, defaultTop: null);
        return Json(model, ContractJsonContext.Output.DashboardJson);
    }

    private static async Task<IResult> EventsAsync(DashboardData data, CancellationToken cancellationToken)
    {
        if (data.Current is not { } result)
        {
            return NoData();
        }

        // As the CLI's events command: no recommendations, the latest comparison's events.
        var model = DashboardModel.Build(await data.DashboardAsync(result, latestComparison: true, cancellationToken), RecommendationFilter.None, defaultTop: 0);
        return Json(model, ContractJsonContext.Output.DashboardJson);
    }

    private static IResult WithData(DashboardData data, Func<Pipeline.RefreshResult, IResult> answer) =>
        data.Current is { } result ? answer(result) : NoData();

    /// <summary>The CLI's JSON text exactly (same context, same encoder, same indentation).</summary>
    private static IResult Json<T>(T model, JsonTypeInfo<T> type) =>
        Results.Text(JsonSerializer.Serialize(model, type), "application/json; charset=utf-8");

    private static IResult BadRequest(string message) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: message);

    private static IResult NotFound(string message) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: message);

    private static IResult NoData() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No data yet", detail: "no refresh has been recorded yet; try again shortly (see /healthz)");

    /// <summary>A parameter given several times is the comma-separated list of its values (as the CLI's option).</summary>
    private static string? Joined(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(',', values.Select(v => v ?? string.Empty)) : null;

    private static string? Single(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1] : null;

    private static bool TryInt(HttpRequest request, string name, int fallback, out int value)
    {
        if (Single(request, name) is not { } text)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
