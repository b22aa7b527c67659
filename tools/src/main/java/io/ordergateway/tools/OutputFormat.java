package io.ordergateway.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a command prints rows: an aligned table, CSV (header names with {@code _} for spaces) or a
 * JSON array of objects keyed by the same names.
 */
enum OutputFormat
{
    /** An aligned text table. */
    TABLE,
    /** Comma-separated values with a header line. */
    CSV,
    /** A JSON array of objects. */
    JSON;

    /**
     * @param out    where to print.
     * @param header the column names.
     * @param rows   the rows, as text, one cell per column.
     * @throws IOException if JSON cannot be written.
     */
    void print(final PrintStream out, final List<String> header, final List<List<String>> rows) throws IOException
    {
        switch (this)
        {
            case CSV:
                out.println(String.join(",", header).replace(' ', '_'));
                rows.forEach(r -> out.println(String.join(",", r.stream().map(OutputFormat::csv).toList())));
                break;
            case JSON:
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows.stream().map(r ->
                {
                    final Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++)
                    {
                        row.put(header.get(i).replace(' ', '_'), r.get(i));
                    }
                    return row;
                }).toList()));
                break;
            default:
                final TextTable table = new TextTable(header.toArray(new String[0]));
                rows.forEach(r -> table.row(r.toArray()));
                table.print(out);
                break;
        }
    }

    @Override
    public String toString()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String csv(final String cell)
    {
        return cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
