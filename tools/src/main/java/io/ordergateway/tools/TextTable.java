package io.ordergateway.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header and right-aligned columns (the first left-aligned), for the
 * command line's reports.
 */
final class TextTable
{
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(final String... header)
    {
        columns = header.length;
        rows.add(header);
    }

    TextTable row(final Object... cells)
    {
        final String[] row = new String[columns];
        for (int i = 0; i < columns; i++)
        {
            row[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(row);
        return this;
    }

    void print(final PrintStream out)
    {
        final int[] widths = new int[columns];
        for (final String[] row : rows)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++)
        {
            final StringBuilder line = new StringBuilder("  ");
            final String[] row = rows.get(r);
            for (int i = 0; i < columns; i++)
            {
                final String cell = row[i];
                if (i == 0)
                {
                    line.append(cell).append(" ".repeat(widths[i] - cell.length()));
                }
                else
                {
                    line.append("  ").append(" ".repeat(widths[i] - cell.length())).append(cell);
                }
            }
            out.println(line.toString().stripTrailing());
            if (r == 0)
            {
                int total = 0;
                for (final int w : widths)
                {
                    total += w + 2;
                }
                out.println("  " + "-".repeat(total - 2));
            }
        }
    }
}
