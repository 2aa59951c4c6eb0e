package dev.listening.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A .cql file holding one statement with named bind markers ({@code :name}), read as data. The file is
 * scanned here, before any connection, only as far as needed to know its markers: comments go,
 * string literals and quoted identifiers are kept as they are, and the statement is sent to
 * Cassandra verbatim otherwise, so Cassandra stays the judge of what is valid CQL.
 * <p>
 * Like cql/create_db.cql, the shipped queries and statements name their table with the default keyspace
 * ({@code spotify.listening_history}); {@link #inKeyspace} swaps that name for another keyspace,
 * as a qualifier or on its own ({@code DROP KEYSPACE spotify}). Qualified names, rather than a
 * session keyspace, because Cassandra 5 warns on every prepared statement whose table is not qualified.
 *
 * @param source where the text came from, for messages and output headers
 * @param cql    the statement without comments or the closing semicolon
 * @param markers the named markers in order of first use, lower-cased as CQL does for unquoted names
 */
public record CqlFile(String source, String cql, List<String> markers) {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public CqlFile {
        markers = List.copyOf(markers);
    }

    public static CqlFile classpath(String resource) {
        try (InputStream in = CqlFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CqlFile read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot read " + path + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    public static CqlFile parse(String source, String text) {
        return scan(source, text, Names.KEYSPACE, Map.of());
    }

    /** This statement with the name {@code spotify} (outside strings and quoted names, not after a dot) made {@code keyspace}. */
    public CqlFile inKeyspace(String keyspace) {
        return scan(source, cql, keyspace, Map.of());
    }

    /**
     * The statement with each named marker replaced by a CQL string literal of its value (quotes doubled),
     * for the few statements whose grammar takes literals only, not bind markers: role options such as
     * {@code PASSWORD = 'secret'}. Every marker needs a value.
     */
    public String withLiterals(Map<String, String> values) {
        if (!values.keySet().equals(Set.copyOf(markers))) {
            throw new IllegalArgumentException(source + " takes " + markers + ", given " + values.keySet());
        }
        return scan(source, cql, Names.KEYSPACE, values).cql();
    }

    private static CqlFile scan(String source, String text, String keyspace, Map<String, String> literals) {
        List<String> statements = new ArrayList<>();
        Set<String> markers = new LinkedHashSet<>();
        StringBuilder statement = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int next;
            if (c == '\'' || c == '"') {
                next = closingQuote(source, text, i);
                statement.append(text, i, next);
            } else if (text.startsWith("$$", i)) {
                next = after(source, text, i, "$$", "string");
                statement.append(text, i, next);
            } else if (text.startsWith("--", i) || text.startsWith("//", i)) {
                int newline = text.indexOf('\n', i);
                next = newline < 0 ? text.length() : newline;
            } else if (text.startsWith("/*", i)) {
                next = after(source, text, i, "*/", "comment");
                statement.append(' ');
            } else if (c == ';') {
                statements.add(statement.toString().strip());
                statement.setLength(0);
                next = i + 1;
            } else if (c == '?') {
                throw new UserError(source + ": uses a ? marker; name each value instead (:name, :date, ...)");
            } else if (isDefaultKeyspace(text, i)) {
                statement.append(keyspace);
                next = i + Names.KEYSPACE.length();
            } else if (c == ':' && i + 1 < text.length() && isIdentifierStart(text.charAt(i + 1))) {
                next = i + 1;
                while (next < text.length() && isIdentifierPart(text.charAt(next))) {
                    next++;
                }
                String marker = text.substring(i + 1, next).toLowerCase(Locale.ROOT);
                markers.add(marker);
                String literal = literals.get(marker);
                statement.append(literal == null ? text.substring(i, next) : "'" + literal.replace("'", "''") + "'");
            } else {
                statement.append(c);
                next = i + 1;
            }
            i = next;
        }
        statements.add(statement.toString().strip());
        statements.removeIf(String::isEmpty);
        if (statements.size() != 1) {
            throw new UserError(source + ": holds " + statements.size() + " statements; a query file holds exactly one");
        }
        return new CqlFile(source, statements.get(0), new ArrayList<>(markers));
    }

    /** The statement on one line, each run of white space made one space (for display only). */
    public String oneLine() {
        return WHITESPACE.matcher(cql).replaceAll(" ");
    }

    /** Index just past the quote that closes the one at {@code open}; a doubled quote is an escaped one. */
    private static int closingQuote(String source, String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new UserError(source + ": unterminated " + (quote == '\'' ? "string" : "quoted name") + " starting with " + excerpt(text, open));
    }

    private static int after(String source, String text, int open, String close, String what) {
        int end = text.indexOf(close, open + 2);
        if (end < 0) {
            throw new UserError(source + ": unterminated " + what + " starting with " + excerpt(text, open));
        }
        return end + close.length();
    }

    private static String excerpt(String text, int from) {
        return text.substring(from, Math.min(text.length(), from + 20)).lines().findFirst().orElse("");
    }

    /** The default keyspace's name as a whole name: not part of a longer one, nor a table or function after a dot. */
    private static boolean isDefaultKeyspace(String text, int i) {
        int end = i + Names.KEYSPACE.length();
        return (i == 0 || !isIdentifierPart(text.charAt(i - 1)) && text.charAt(i - 1) != '.')
                && text.regionMatches(true, i, Names.KEYSPACE, 0, Names.KEYSPACE.length())
                && (end == text.length() || !isIdentifierPart(text.charAt(end)));
    }

    private static boolean isIdentifierStart(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean isIdentifierPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
