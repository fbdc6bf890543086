namespace QuantCluster.Data.Postgres;

/// <summary>
/// How many bars are missing between two consecutive stored bars. Intraday and weekly series run
/// on the calendar: every pause longer than the timeframe is a gap, nights and weekends included,
/// since the store does not know a market's hours. Daily series count weekdays only: Saturday and
/// Sunday are never missing bars, so Friday-to-Monday is no gap, while a missing weekday (a
/// holiday too: the store knows no exchange calendar) is.
/// </summary>
internal static class GapRule
{
    public static long MissingBars(Timeframe timeframe, DateTime lastBefore, DateTime firstAfter)
    {
        if (timeframe.CountsWeekdaysOnly)
        {
            return WeekdaysBetween(DateOnly.FromDateTime(lastBefore), DateOnly.FromDateTime(firstAfter)) / timeframe.Count;
        }

        long step = timeframe.Duration.Ticks;
        long elapsed = (firstAfter - lastBefore).Ticks;
        return elapsed <= step ? 0 : ((elapsed + step - 1) / step) - 1;
    }

    /// <summary>Weekdays (Monday to Friday) strictly after <paramref name="from"/> and strictly before <paramref name="to"/>.</summary>
    public static long WeekdaysBetween(DateOnly from, DateOnly to)
    {
        long days = to.DayNumber - from.DayNumber - 1;
        if (days <= 0)
        {
            return 0;
        }

        long weekdays = days / 7 * 5;
        var day = from.AddDays(1).DayOfWeek;
        for (long i = 0; i < days % 7; i++, day = (DayOfWeek)(((int)day + 1) % 7))
        {
            if (day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays++;
            }
        }

        return weekdays;
    }
}
