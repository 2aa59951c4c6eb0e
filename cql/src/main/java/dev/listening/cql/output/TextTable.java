package dev.listening.cql.output;

import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryResult;
import dev.listening.cql.query.ResultTable;
import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * A result as people read it, in the style of cqlsh: the query and its parameters on top, then
 * aligned columns (numbers to the right), then the row count. Widths are terminal cells, so wide
 * characters (CJK) count two and combining marks none.
 */
final class TextTable {
    private static final String SEPARATOR = " | ";
    private static final String CQL = "cql:        ";

    private TextTable() {
    }

    static String render(QueryResult result) {
        StringBuilder out = new StringBuilder();
        QueryRequest request = result.request();
        out.append("-- query:      ").append(request.name()).append(" (").append(request.file().source()).append(")\n");
        out.append("-- keyspace:   ").append(result.keyspace()).append('\n');
        out.append("-- parameters: ").append(Cells.escapeControls(result.parameters().describe()))
                .append(request.picksMostRecent() ? " (the most recent present: none was given)" : "").append('\n');
        String indent = "\n-- " + " ".repeat(CQL.length());
        out.append("-- ").append(CQL).append(String.join(indent, result.statement().cql().lines().map(String::stripTrailing).toList()))
                .append("\n\n");
        tableWithCount(result.table(), out);
        return out.toString();
    }

    static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("-- report:     ").append(report.name()).append('\n');
        out.append("-- keyspace:   ").append(report.keyspace()).append('\n');
        out.append("-- parameters: ").append(Cells.escapeControls(report.describeParameters())).append('\n');
        out.append("-- read:       ").append(report.read()).append("\n\n");
        tableWithCount(report.table(), out);
        return out.toString();
    }

    private static void tableWithCount(ResultTable table, StringBuilder out) {
        table(table, out);
        int rows = table.rows().size();
        out.append('\n').append('(').append(rows).append(rows == 1 ? " row)" : " rows)").append('\n');
    }

    /** Terminal cells the text takes. */
    static int width(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }

    private static void table(ResultTable table, StringBuilder out) {
        int columns = table.columns().size();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            cells.add(row.stream().map(Cells::readable).toList());
        }
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(table.columns().get(c));
            numeric[c] = isNumeric(table, c);
            for (List<String> row : cells) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        line(table.columns(), widths, numeric, out);
        List<String> rule = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            rule.add("-".repeat(widths[c] + 2));
        }
        out.append(String.join("+", rule).stripTrailing()).append('\n');
        for (List<String> row : cells) {
            line(row, widths, numeric, out);
        }
    }

    private static void line(List<String> values, int[] widths, boolean[] numeric, StringBuilder out) {
        List<String> padded = new ArrayList<>(values.size());
        for (int c = 0; c < values.size(); c++) {
            String padding = " ".repeat(widths[c] - width(values.get(c)));
            padded.add(numeric[c] ? padding + values.get(c) : values.get(c) + padding);
        }
        out.append((" " + String.join(SEPARATOR, padded)).stripTrailing()).append('\n');
    }

    /** A column whose values are all numbers (nulls aside) is aligned to the right, as in cqlsh. */
    private static boolean isNumeric(ResultTable table, int column) {
        boolean anyNumber = false;
        for (List<Object> row : table.rows()) {
            Object value = row.get(column);
            if (value != null && !(value instanceof Number)) {
                return false;
            }
            anyNumber |= value != null;
        }
        return anyNumber;
    }
}
