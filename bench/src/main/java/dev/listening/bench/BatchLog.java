package dev.listening.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The streamer's per-batch log lines, read back from its log file (benchmarks, and tests that watch a stream). */
public record BatchLog(boolean started, List<Batch> batches, long rolledUpThrough) {
    /** "batch 3: 50,000 rows in 4.2 s (11,905 rows/s), 0 dead letters, 0 join misses, Kafka lag 100,000" */
    private static final Pattern BATCH = Pattern.compile(
            "batch (\\d+): ([\\d,]+) rows in ([\\d.]+) s \\(.*\\), ([\\d,]+) dead letters, ([\\d,]+) join misses");
    /** "rollups of batch 3: ..." or "rollups of batches 2-5: ...": the rollups are written through the last. */
    private static final Pattern ROLLUPS = Pattern.compile("rollups of (?:batch |batches \\d+-)(\\d+): ");
    private static final long NONE = -1;
    /** The job's line once its query runs. */
    private static final Pattern STARTED = Pattern.compile("StreamerJob - streaming ");

    public record Batch(long id, long rows, double seconds, long deadLetters, long joinMisses) {
    }

    public static BatchLog read(Path log) {
        try {
            return parse(Files.exists(log) ? Files.readAllLines(log) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BatchLog parse(List<String> lines) {
        boolean started = false;
        List<Batch> batches = new ArrayList<>();
        long rolledUpThrough = NONE;
        for (String line : lines) {
            started |= STARTED.matcher(line).find();
            Matcher m = BATCH.matcher(line);
            if (m.find()) {
                batches.add(new Batch(number(m.group(1)), number(m.group(2)), Double.parseDouble(m.group(3)),
                        number(m.group(4)), number(m.group(5))));
            }
            Matcher rollups = ROLLUPS.matcher(line);
            if (rollups.find()) {
                rolledUpThrough = Math.max(rolledUpThrough, number(rollups.group(1)));
            }
        }
        return new BatchLog(started, List.copyOf(batches), rolledUpThrough);
    }

    public long rows() {
        return batches.stream().mapToLong(Batch::rows).sum();
    }

    /** Whether the batches hold this many rows and the rollups cover the batch that brought the total there. */
    public boolean rolledUp(long rows) {
        long sum = 0;
        for (Batch batch : batches) {
            sum += batch.rows();
            if (sum >= rows) {
                return batch.id() <= rolledUpThrough;
            }
        }
        return false;
    }

    long deadLetters() {
        return batches.stream().mapToLong(Batch::deadLetters).sum();
    }

    long joinMisses() {
        return batches.stream().mapToLong(Batch::joinMisses).sum();
    }

    /**
     * Rows per second over the batches that start after {@code warmupRows} rows (and never the first
     * batch, which also pays for the first connections): the JVM's JIT warms up over several batches.
     */
    double steadyRowsPerSecond(long warmupRows) {
        return steady(warmupRows).stream().mapToLong(Batch::rows).sum() / steadySeconds(warmupRows);
    }

    List<Batch> steady(long warmupRows) {
        long before = 0;
        int first = 0;
        while (first < batches.size() && (first == 0 || before < warmupRows)) {
            before += batches.get(first++).rows();
        }
        return batches.subList(first, batches.size());
    }

    private double steadySeconds(long warmupRows) {
        double seconds = steady(warmupRows).stream().mapToDouble(Batch::seconds).sum();
        return seconds == 0 ? Double.POSITIVE_INFINITY : seconds;
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
