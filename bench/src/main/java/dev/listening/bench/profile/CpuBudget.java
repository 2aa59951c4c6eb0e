package dev.listening.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a process's CPU went, by stage: its CPU time over a window shared out by the stages of the JFR
 * execution samples taken in that window. Samples see Java code only, so the JVM's own threads (GC, JIT)
 * are shared out in proportion with the rest.
 */
public record CpuBudget(String process, Duration cpu, long rows, Map<String, Long> samples) {
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    private static final double PER_ROWS = 100_000;

    public CpuBudget {
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    /** The execution samples of a recording, counted by stage, in the order of {@code stages}. */
    public static Map<String, Long> samplesByStage(Path recording, Stages stages) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stages.names().forEach(name -> counts.put(name, 0L));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals(EXECUTION_SAMPLE) && event.getStackTrace() != null) {
                    counts.merge(stages.of(frames(event)), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + recording, e);
        }
        return counts;
    }

    private static List<String> frames(RecordedEvent sample) {
        return sample.getStackTrace().getFrames().stream().map(CpuBudget::name).toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    public long totalSamples() {
        return samples.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU-seconds per 100,000 rows of the whole process. */
    public double cpuSecondsPer100kRows() {
        return cpu.toNanos() / 1e9 * PER_ROWS / rows;
    }

    /** The share of a stage in the samples, 0 to 1. */
    public double share(String stage) {
        long total = totalSamples();
        return total == 0 ? 0 : (double) samples.getOrDefault(stage, 0L) / total;
    }

    /** CPU-seconds per 100,000 rows spent in a stage. */
    public double cpuSecondsPer100kRows(String stage) {
        return cpuSecondsPer100kRows() * share(stage);
    }

    /** A markdown table of budgets: per process its total, then each stage that has samples. */
    public static List<String> table(List<CpuBudget> budgets) {
        List<String> lines = new ArrayList<>(List.of("| process / stage | samples | share | CPU-s per 100k rows |", "|---|---:|---:|---:|"));
        for (CpuBudget budget : budgets) {
            lines.add(String.format(Locale.ROOT, "| **%s** (%.1f CPU-s for %,d rows) | %,d | 100 %% | %.2f |", budget.process(),
                    budget.cpu().toMillis() / 1000.0, budget.rows(), budget.totalSamples(), budget.cpuSecondsPer100kRows()));
            budget.samples().forEach((stage, count) -> {
                if (count > 0) {
                    lines.add(String.format(Locale.ROOT, "| %s | %,d | %.1f %% | %.2f |", stage, count, 100 * budget.share(stage),
                            budget.cpuSecondsPer100kRows(stage)));
                }
            });
        }
        return lines;
    }
}
