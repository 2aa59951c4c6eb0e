package dev.listening.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches a streaming checkpoint for the recovery from each fault: the first micro-batch committed
 * after the fault's kill. Checked every {@code poll} from a thread of its own, so faults can come one
 * after another while earlier ones still wait for theirs.
 */
final class Recoveries implements AutoCloseable {
    private record Pending(Fault fault, Instant kill, OptionalLong committedAtKill) {
    }

    private final Path checkpoint;
    private final ScheduledExecutorService watcher;
    private final List<Pending> pending = new ArrayList<>();
    private final List<FaultsReport.Recovery> recovered = new ArrayList<>();

    Recoveries(Path checkpoint, Duration poll) {
        this.checkpoint = checkpoint;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fault-recoveries");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::check, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called once the killed process is gone: a batch committed before that is no recovery. */
    synchronized void killed(Fault fault, Instant kill) {
        pending.add(new Pending(fault, kill, Checkpoints.lastCommitted(checkpoint)));
    }

    synchronized int pending() {
        return pending.size();
    }

    /** The faults recovered from so far, in the order of their kills. */
    synchronized List<FaultsReport.Recovery> recovered() {
        return List.copyOf(recovered);
    }

    synchronized void check() {
        OptionalLong now = Checkpoints.lastCommitted(checkpoint);
        Instant seen = Instant.now();
        pending.removeIf(p -> {
            boolean committedSince = now.isPresent()
                    && (p.committedAtKill().isEmpty() || now.getAsLong() > p.committedAtKill().getAsLong());
            if (committedSince) {
                recovered.add(new FaultsReport.Recovery(p.fault(), Duration.between(p.kill(), seen)));
            }
            return committedSince;
        });
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
