package dev.listening.bench;

import dev.listening.verify.Reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a soak saw, and its soak.md: the load, a sample every ~10 s after the warm-up (records
 * produced, records through the streamer, the lag between the two), how long the stream took to
 * catch up once the producer stopped, and verify's verdict on every record produced.
 *
 * @param problem why the stream did not catch up (the streamer exited, the deadline passed), or null
 */
public record SoakReport(Load load, Instant started, Duration warmUp, List<Sample> samples, Duration catchUp,
                  Reconciliation.Report verdict, String problem) {

    public record Load(String bootstrap, String cassandra, String topic, String keyspace, int rate, Duration duration,
                int listeners, String master) {
    }

    /** {@code at} after producing began: records produced so far, and records the streamer's batches had read. */
    record Sample(Duration at, long produced, long streamed) {
        long lag() {
            return Math.max(0, produced - streamed);
        }

        String line() {
            return String.format(Locale.ROOT, "%5d s  produced %,9d  streamed %,9d  lag %,7d", at.toSeconds(), produced,
                    streamed, lag());
        }
    }

    public SoakReport {
        samples = List.copyOf(samples);
    }

    /** Exit 0 only for this: the stream caught up, and every record produced was stored exactly once, as sent, with no stray row. */
    public boolean passed() {
        return problem == null && verdict.passed();
    }

    /** The largest lag sampled; the streamer's first batch, which also sets up its connections, is in it. */
    long maxLag() {
        return samples.stream().mapToLong(Sample::lag).max().orElse(0);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# Soak: a steady load through the whole pipeline, judged by verify");
        lines.add("");
        lines.add("- when: " + started.truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + load.bootstrap() + ", Cassandra "
                + load.cassandra() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- load: %,d events/s for %s from %,d listeners into topic %s; keyspace %s",
                load.rate(), text(load.duration()), load.listeners(), load.topic(), load.keyspace()));
        lines.add("- streamer: trigger 1s on " + load.master() + ", a fresh checkpoint starting at the soak's first offsets");
        lines.add(String.format(Locale.ROOT, "- warm-up: %d events through the pipeline in %.1f s before the clock started",
                Soak.WARM_UP_EVENTS, warmUp.toMillis() / 1000.0));
        lines.add("");
        lines.add("| at | produced | streamed | lag (records) |");
        lines.add("|---:|---:|---:|---:|");
        for (Sample s : samples) {
            lines.add(String.format(Locale.ROOT, "| %d s | %,d | %,d | %,d |", s.at().toSeconds(), s.produced(), s.streamed(), s.lag()));
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "- lag: at most %,d records (%.1f s of load)", maxLag(), (double) maxLag() / load.rate()));
        lines.add(problem == null
                ? String.format(Locale.ROOT, "- caught up %.1f s after the producer stopped", catchUp.toMillis() / 1000.0)
                : "- did not catch up: " + problem);
        lines.add(String.format(Locale.ROOT, "- verify (the warm-up included): %,d records, %,d stored as rows (%,d join misses), %,d dead letters, "
                        + "%,d missing, %,d doubled, %,d dead-lettered events, %,d differing rows, %,d unexpected rows; "
                        + "%,d rows read in %s", verdict.records(), verdict.stored(), verdict.joinMisses(),
                verdict.deadLetters(), verdict.missing().size(), verdict.doubled().size(), verdict.deadLetteredEvents().size(),
                verdict.differing().size(), verdict.unexpected().size(), verdict.rowsRead(), verdict.coverage().judgedIn()));
        lines.add("");
        lines.add(passed() ? "verdict: every record stored exactly once, as sent" : "verdict: NOT exactly once as sent");
        return lines;
    }

    private static String text(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
