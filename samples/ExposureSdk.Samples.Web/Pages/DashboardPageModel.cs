using ExposureSdk.Pipeline;
using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExposureSdk.Samples.Web.Pages;

/// <summary>A problem a page shows instead of its content: no data yet (503), an unknown id (404), a bad filter value (400).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Message">The detail (names the parameter and the expected values, or the id).</param>
public sealed record PageProblem(int Status, string Title, string Message);

/// <summary>The pages' base: the latest refresh, and the problem to show when there is none or the input is bad.</summary>
public abstract class DashboardPageModel : PageModel
{
    private protected DashboardPageModel(DashboardData data) => Data = data;

    /// <summary>Gets the problem to show instead of the page's content, or null.</summary>
    public PageProblem? Problem { get; private set; }

    /// <summary>Gets the refresh the page shows (set when <see cref="Problem"/> is null).</summary>
    public RefreshResult Result { get; private set; } = null!;

    private protected DashboardData Data { get; }

    /// <summary>Takes the latest refresh, or sets the 503 problem when there is none yet.</summary>
    private protected bool TryTakeResult()
    {
        if (Data.Current is { } result)
        {
            Result = result;
            return true;
        }

        Show(StatusCodes.Status503ServiceUnavailable, "No data yet", "No refresh has been recorded yet. The first one runs when the host starts; this page shows the data as soon as it is recorded.");
        return false;
    }

    /// <summary>Shows a problem instead of the content, with its status code.</summary>
    private protected PageResult Show(int status, string title, string message)
    {
        Problem = new PageProblem(status, title, message);
        Response.StatusCode = status;
        return Page();
    }
}
