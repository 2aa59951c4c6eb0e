package dev.listening.producer.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outcome of a run: how many events were sent, acknowledged by the broker, or failed. */
public record Report(long sent, long acknowledged, long failed, Duration elapsed) {
    private static final Pattern LINE = Pattern.compile(
            "sent (\\d+), acknowledged (\\d+), failed (\\d+) in ([0-9.]+) s \\(([0-9.]+) events/s\\)");

    /** Acknowledged events per second of the run, time to the last acknowledgement included. */
    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? acknowledged / seconds : 0;
    }

    /** Records neither acknowledged nor failed: only when the producer was closed before they were answered. */
    public long unanswered() {
        return sent - acknowledged - failed;
    }

    /** The one result line a run prints; {@link #parse} reads it back. */
    public String line() {
        String line = String.format(Locale.ROOT, "sent %d, acknowledged %d, failed %d in %.3f s (%.1f events/s)",
                sent, acknowledged, failed, elapsed.toNanos() / 1e9, eventsPerSecond());
        return unanswered() == 0 ? line : line + ", " + unanswered() + " unanswered";
    }

    public static Optional<Report> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        Duration elapsed = Duration.ofNanos(Math.round(Double.parseDouble(m.group(4)) * 1e9));
        return Optional.of(new Report(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), elapsed));
    }
}
