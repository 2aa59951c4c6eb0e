package dev.listening.producer.rate;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Events per second, or {@link #MAX}: as fast as the broker takes them. */
public record Rate(double perSecond) {
    public static final Rate MAX = new Rate(Double.POSITIVE_INFINITY);

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
        return new Rate(MaxOrNumber.parse(text, "events per second"));
    }

    @Override
    public String toString() {
        return isMax() ? MaxOrNumber.MAX_TEXT : perSecond + "/s";
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
