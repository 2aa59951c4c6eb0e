package dev.listening.producer.rate;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Events per second, or {@link #MAX}: as fast as the broker takes them. */
public record Rate(double perSecond) {
    public static final Rate MAX = new Rate(Double.POSITIVE_INFINITY);
    private static final String MAX_TEXT = "max";

    public Rate {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
    }

    public boolean isMax() {
        return Double.isInfinite(perSecond);
    }

    /** Nanoseconds between two events; 0 at {@link #MAX}. */
    public double intervalNanos() {
        return isMax() ? 0 : 1e9 / perSecond;
    }

    public static Rate parse(String text) {
        if (MAX_TEXT.equalsIgnoreCase(text.strip())) {
            return MAX;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of events per second nor '" + MAX_TEXT + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is not a positive number of events per second nor '"
                    + MAX_TEXT + "'");
        }
        return new Rate(value);
    }

    @Override
    public String toString() {
        return isMax() ? MAX_TEXT : perSecond + "/s";
    }

    /** picocli: {@code --rate 2.5} or {@code --rate max}. */
    public static final class Converter implements ITypeConverter<Rate> {
        @Override
        public Rate convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
