package dev.listening.cql.output;

import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import dev.listening.cql.query.ResultTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ranking computed from several reads rather than one query file ({@code ./pipeline report}), with
 * what its output file states on top: its parameters and the partitions it read.
 *
 * @param name       e.g. top-songs; the output file is report-NAME
 * @param parameters option name to value, in the order to show
 * @param read       which table and how many of its partitions the report read
 */
public record Report(String name, String keyspace, Map<String, Object> parameters, String read, ResultTable table) {
    public Report {
        parameters = new LinkedHashMap<>(parameters);
    }

    /** The output file's name without its extension. */
    public String outputName() {
        return "report-" + name;
    }

    /** "date = '2025-03-14', n = 10", values in CQL literal syntax as in the query files' headers. */
    public String describeParameters() {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + " = " + CodecRegistry.DEFAULT.codecFor(e.getValue()).format(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
