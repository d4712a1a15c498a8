namespace Bilansoft.Application.Sales;

/// <summary>
/// Business dates in Belgium: an invoice issued at 00:30 on 1 January in Brussels is dated
/// 1 January, even though it is still 31 December in UTC.
/// </summary>
public static class BusinessDate
{
    /// <summary>Time zone of Belgian business dates.</summary>
    public static TimeZoneInfo Brussels { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>Today's date in Europe/Brussels according to <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Brussels).DateTime);
}
