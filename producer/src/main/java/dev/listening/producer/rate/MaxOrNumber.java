package dev.listening.producer.rate;

/** The text of {@code --rate} and {@code --speed}: a positive finite number, or 'max' (infinity). */
final class MaxOrNumber {
    static final String MAX_TEXT = "max";

    private MaxOrNumber() {
    }

    /** The number, or {@link Double#POSITIVE_INFINITY} for 'max'; the message names the {@code unit} expected. */
    static double parse(String text, String unit) {
        if (MAX_TEXT.equalsIgnoreCase(text.strip())) {
            return Double.POSITIVE_INFINITY;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of " + unit + " nor '" + MAX_TEXT + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is not a positive number of " + unit + " nor '"
                    + MAX_TEXT + "'");
        }
        return value;
    }
}
