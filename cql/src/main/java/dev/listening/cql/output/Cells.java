package dev.listening.cql.output;

import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;

/** How one value the driver decoded is written: for people (tables) or exactly (CSV, JSON). */
final class Cells {
    /** Enough for audio features (3 decimals) and averages of them, without 16-digit noise. */
    private static final MathContext READABLE = new MathContext(6);

    private Cells() {
    }

    /** For an aligned table: "null" for no value, doubles to 6 significant digits, control characters escaped. */
    static String readable(Object value) {
        if (value == null) {
            return "null";
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(value.toString()).round(READABLE).stripTrailingZeros().toPlainString();
        }
        return escapeControls(exact(value));
    }

    /** Lossless text: ISO-8601 for dates and timestamps (UTC), 0x-hex for blobs; null stays null. */
    static String exact(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof ByteBuffer bytes) {
            return TypeCodecs.BLOB.format(bytes);
        }
        return value.toString();
    }

    /** A JSON-ready value: numbers and booleans as themselves, everything else as {@link #exact} text. */
    static Object json(Object value) {
        if (value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))) {
            return number;
        }
        if (value instanceof Boolean) {
            return value;
        }
        return exact(value);
    }

    /** A value with a line break or tab would break the table's rows and columns. */
    static String escapeControls(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(cp)) {
                        escaped.append(String.format("\\u%04x", cp));
                    } else {
                        escaped.appendCodePoint(cp);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
