using System.Globalization;
using Appeals.Core.Denials;

namespace Appeals.Web.Formatting;

/// <summary>How amounts, dates and codes read on the pages (the app runs with invariant globalization).</summary>
public static class Display
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"authorization_referral" reads as "authorization referral".</summary>
    public static string Words(string code) => code.Replace('_', ' ');

    /// <summary>A case status in words: "in progress".</summary>
    public static string Words(DenialCaseStatus status) => Words(status.Code);

    /// <summary>
    /// When a page's shared figures were computed and when they are recomputed: "Figures computed at 10:42:05 UTC (12 s ago)
    /// for everyone viewing this filter; a visit that finds them older than 30 s has them recomputed." (ADR 0082).
    /// </summary>
    public static string FiguresAge(DateTimeOffset computedAt, TimeSpan age, TimeSpan refreshEvery)
    {
        var at = computedAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (refreshEvery <= TimeSpan.Zero) return $"Figures computed at {at} UTC for this page.";
        var seconds = (long)Math.Max(0, Math.Floor(age.TotalSeconds));
        return $"Figures computed at {at} UTC ({seconds:N0} s ago) for everyone viewing this filter; "
            + $"a visit that finds them older than {(long)refreshEvery.TotalSeconds:N0} s has them recomputed.";
    }

    /// <summary>CLP02, the claim status code of an 835, in words (X12 835 claim status codes; our wording).</summary>
    public static string ClaimStatus(int code) => code switch
    {
        1 => "processed as primary",
        2 => "processed as secondary",
        3 => "processed as tertiary",
        4 => "denied",
        19 => "processed as primary, forwarded to another payer",
        20 => "processed as secondary, forwarded to another payer",
        21 => "processed as tertiary, forwarded to another payer",
        22 => "reversal of an earlier payment",
        23 => "not our claim, forwarded to another payer",
        25 => "predetermination pricing only, no payment",
        _ => $"status code {code}",
    };
}
