package dev.listening.cql.output;

import dev.listening.contract.UserError;
import dev.listening.cql.query.QueryResult;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How ./pipeline query and ./pipeline report write a result, and the extension of the file it writes. */
public enum OutputFormat {
    TEXT("txt", TextTable::render, TextTable::render),
    CSV("csv", CsvTable::render, r -> CsvTable.render(r.table())),
    JSON("json", JsonTable::render, JsonTable::render);

    private final String extension;
    private final Function<QueryResult, String> renderer;
    private final Function<Report, String> reportRenderer;

    OutputFormat(String extension, Function<QueryResult, String> renderer, Function<Report, String> reportRenderer) {
        this.extension = extension;
        this.renderer = renderer;
        this.reportRenderer = reportRenderer;
    }

    public String render(QueryResult result) {
        return renderer.apply(result);
    }

    public String render(Report report) {
        return reportRenderer.apply(report);
    }

    /** E.g. output_simple.txt for the songs query as text. */
    public String fileName(String outputName) {
        return outputName + "." + extension;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.cliName().equals(text)).findFirst()
                .orElseThrow(() -> new UserError("--format '" + text + "' is not one of "
                        + Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", "))));
    }
}
