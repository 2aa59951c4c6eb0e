package dev.listening.cql.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryResult;
import dev.listening.cql.query.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A result for machines: the query, its parameters and the rows as objects keyed by column, exact values. */
final class JsonTable {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonTable() {
    }

    static String render(QueryResult result) {
        QueryRequest request = result.request();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", request.name());
        document.put("source", request.file().source());
        document.put("keyspace", result.keyspace());
        document.put("parameters", parameters(result.parameters().byMarkerName()));
        document.put("most_recent", request.picksMostRecent());
        document.put("cql", result.statement().oneLine());
        return write(document, result.table());
    }

    static String render(Report report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("report", report.name());
        document.put("keyspace", report.keyspace());
        document.put("parameters", parameters(report.parameters()));
        document.put("read", report.read());
        return write(document, report.table());
    }

    private static Map<String, Object> parameters(Map<String, Object> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> parameters.put(name, Cells.json(value)));
        return parameters;
    }

    /** The document, then the table's columns, rows (objects keyed by column) and row count. */
    private static String write(Map<String, Object> document, ResultTable table) {
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                object.put(table.columns().get(c), Cells.json(row.get(c)));
            }
            rows.add(object);
        }
        document.put("columns", table.columns());
        document.put("rows", rows);
        document.put("row_count", rows.size());
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result did not serialise to JSON", e);
        }
    }
}
