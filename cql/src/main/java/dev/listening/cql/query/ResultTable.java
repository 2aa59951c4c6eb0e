package dev.listening.cql.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows a query returned, as the driver decodes them (String, Instant, LocalDate, Integer, Double,
 * UUID, ... and null for a missing value), with the column names in select order.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}
