namespace QuantCluster.Data.Tables;

/// <summary>A timestamp column's values for describing a table: times when every value reads as one, otherwise none.</summary>
internal static class TableTimes
{
    public static long[]? Of(TableColumn? column)
    {
        if (column is null)
        {
            return null;
        }

        try
        {
            return TimestampValues.ToMicroseconds(column, (row, reason) => new FormatException(reason));
        }
        catch (FormatException)
        {
            // Text that is not all timestamps: the table still describes, without time spans.
            return null;
        }
    }
}
