package dev.listening.cql.query;

import dev.listening.contract.CqlFile;
import dev.listening.contract.UserError;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * A query to run, checked before any connection: its file, the name of its output file, and the
 * values given for its markers. Either all the markers the file uses have a value, or none has and
 * the runner picks the most recent partition present.
 *
 * @param name       how the output header names the query: sample, songs, ... or the file's name
 * @param outputName the output file's name without its extension
 */
public record QueryRequest(String name, CqlFile file, String outputName, QueryParameters given) {
    private static final String EXTENSION = ".cql";

    public QueryRequest {
        Set<Marker> used = markersOf(file);
        Set<Marker> extra = EnumSet.noneOf(Marker.class);
        extra.addAll(given.given());
        extra.removeAll(used);
        if (!extra.isEmpty()) {
            throw new UserError(name + " does not take " + Marker.options(extra, "or")
                    + (used.isEmpty() ? "" : " (it takes " + Marker.options(used, "and") + ")"));
        }
        if (!given.isEmpty() && !given.given().equals(used)) {
            throw new UserError(name + " needs " + Marker.options(used, "and")
                    + " together, or none of them for the most recent present");
        }
    }

    public static QueryRequest named(NamedQuery query, QueryParameters given) {
        return new QueryRequest(query.cliName(), query.load(), query.outputName(), given);
    }

    /** From the command line: a query name or a .cql file, exactly one of them non-null. */
    public static QueryRequest of(String queryName, Path file, QueryParameters given) {
        if ((queryName == null) == (file == null)) {
            throw new UserError("give either a query (" + NamedQuery.names() + ") or --file FILE.cql");
        }
        if (queryName != null) {
            return named(NamedQuery.byName(queryName), given);
        }
        String fileName = file.getFileName().toString();
        String base = fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
        return new QueryRequest(fileName, CqlFile.read(file), "output_" + base, given);
    }

    /** The markers the file uses. */
    public Set<Marker> markers() {
        return markersOf(file);
    }

    /** True when the file needs values and none was given: the runner then uses the most recent partition. */
    public boolean picksMostRecent() {
        return given.isEmpty() && !markers().isEmpty();
    }

    private static Set<Marker> markersOf(CqlFile file) {
        Set<Marker> used = EnumSet.noneOf(Marker.class);
        for (String marker : file.markers()) {
            used.add(Marker.byName(marker).orElseThrow(() -> new UserError(
                    file.source() + ": unknown marker :" + marker + "; a query may use " + Marker.list())));
        }
        return used;
    }
}
