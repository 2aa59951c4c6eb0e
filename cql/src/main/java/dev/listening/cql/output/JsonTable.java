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
        ResultTable table = result.table();
        Map<String, Object> parameters = new LinkedHashMap<>();
        result.parameters().byMarkerName().forEach((marker, value) -> parameters.put(marker, Cells.json(value)));
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                object.put(table.columns().get(c), Cells.json(row.get(c)));
            }
            rows.add(object);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", request.name());
        document.put("source", request.file().source());
        document.put("keyspace", result.keyspace());
        document.put("parameters", parameters);
        document.put("most_recent", request.picksMostRecent());
        document.put("cql", result.statement().oneLine());
        document.put("columns", table.columns());
        document.put("rows", rows);
        document.put("row_count", rows.size());
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a query result did not serialise to JSON", e);
        }
    }
}
