package dev.listening.bench;

import java.util.Locale;

/**
 * One row of the benchmark report: a figure of ours, the reference measured in the same run where
 * there is one, and the target it is judged by (on the ratio for throughputs, on the figure itself
 * for times), or why the benchmark gave no figure.
 */
record Measure(String name, double ours, Double reference, String unit, Target target, String failure) {
    /** A throughput judged by its ratio to the reference. */
    static Measure ratio(String name, double ours, double reference, String unit, double atLeast) {
        return new Measure(name, ours, reference, unit, new Target(Target.Kind.RATIO_AT_LEAST, atLeast), null);
    }

    /** A time judged by itself; {@code reference} (may be null) is shown for comparison. */
    static Measure atMost(String name, double ours, Double reference, String unit, double atMost) {
        return new Measure(name, ours, reference, unit, new Target(Target.Kind.AT_MOST, atMost), null);
    }

    /** A figure next to a reference, their ratio shown, without a target. */
    static Measure compared(String name, double ours, double reference, String unit) {
        return new Measure(name, ours, reference, unit, new Target(Target.Kind.NONE, 0), null);
    }

    /** A figure shown without a target. */
    static Measure shown(String name, double ours, String unit) {
        return new Measure(name, ours, null, unit, new Target(Target.Kind.NONE, 0), null);
    }

    /** A benchmark that failed, with its one-line reason. */
    static Measure failed(String name, String why) {
        return new Measure(name, Double.NaN, null, "", new Target(Target.Kind.NONE, 0), why);
    }

    record Target(Kind kind, double bound) {
        enum Kind { RATIO_AT_LEAST, AT_MOST, NONE }

        String text(String unit) {
            return switch (kind) {
                case RATIO_AT_LEAST -> String.format(Locale.ROOT, "ratio >= %.1f", bound);
                case AT_MOST -> "<= " + number(bound) + " " + unit;
                case NONE -> "";
            };
        }
    }

    enum Verdict {
        PASS("pass"), FAIL("FAIL"), NO_TARGET(""), ERROR("error");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    Double ratio() {
        return reference == null || reference == 0 || failure != null ? null : ours / reference;
    }

    Verdict verdict() {
        if (failure != null) {
            return Verdict.ERROR;
        }
        return switch (target.kind()) {
            case RATIO_AT_LEAST -> ratio() != null && ratio() >= target.bound() ? Verdict.PASS : Verdict.FAIL;
            case AT_MOST -> ours <= target.bound() ? Verdict.PASS : Verdict.FAIL;
            case NONE -> Verdict.NO_TARGET;
        };
    }

    /** | measure | ours | reference | ratio | target | pass/fail | */
    String row() {
        if (failure != null) {
            return "| " + name + " | failed: " + failure.replace("|", "\\|") + " | | | | " + Verdict.ERROR.text() + " |";
        }
        Double ratio = ratio();
        return "| " + name + " | " + number(ours) + " " + unit + " | "
                + (reference == null ? "" : number(reference) + " " + unit) + " | "
                + (ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio)) + " | "
                + target.text(unit) + " | " + verdict().text() + " |";
    }

    /** Three significant figures or whole numbers with separators: 71,234 / 812 / 12.5 / 1.27. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
