package dev.listening.producer.rate;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How much faster than real time a virtual clock runs, or {@link #MAX}: no waiting at all. */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    public static final Speed REAL_TIME = new Speed(1);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + factor);
        }
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    public static Speed parse(String text) {
        return new Speed(MaxOrNumber.parse(text, "times real time"));
    }

    @Override
    public String toString() {
        return isMax() ? MaxOrNumber.MAX_TEXT : "x" + factor;
    }

    /** picocli: {@code --speed 3600} or {@code --speed max}. */
    public static final class Converter implements ITypeConverter<Speed> {
        @Override
        public Speed convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
