package dev.listening.cql.query;

import dev.listening.contract.CqlFile;
import dev.listening.contract.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The queries shipped in cql/queries/, by the name ./pipeline query takes, and the file each writes in output/. */
public enum NamedQuery {
    SAMPLE("output_full"),
    SONGS("output_simple"),
    AVERAGES("output_agg"),
    PARTITIONS("output_partitions");

    private final String outputName;

    NamedQuery(String outputName) {
        this.outputName = outputName;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The output file's name without its extension (which depends on the format). */
    public String outputName() {
        return outputName;
    }

    public String resource() {
        return "cql/queries/" + cliName() + ".cql";
    }

    public CqlFile load() {
        return CqlFile.classpath(resource());
    }

    public static NamedQuery byName(String name) {
        return Arrays.stream(values()).filter(q -> q.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new UserError("unknown query '" + name + "': expected " + names() + ", or --file FILE.cql"));
    }

    /** "sample, songs, averages or partitions". */
    public static String names() {
        String all = Arrays.stream(values()).map(NamedQuery::cliName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
