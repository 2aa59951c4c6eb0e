package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.CqlFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Watches listening_history for the probe listener's plays and notes, for each, how long after its
 * {@code ts} it could first be read. All probes share one listener, so a poll reads one partition
 * per hour, and only from the oldest probe still awaited on.
 */
final class ProbeReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeReader.class);
    /** Bound by position: (name, date, hour, since). */
    private static final String SINCE = "cql/bench/listening_history_select_probe.cql";

    private final CqlSession session;
    private final PreparedStatement since;
    private final String probe;
    private final Duration interval;
    private final Map<UUID, Long> awaited = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final Thread poller;
    private volatile boolean stopped;

    ProbeReader(CqlSession session, String keyspace, String probe, Duration interval) {
        this.session = session;
        this.probe = probe;
        this.interval = interval;
        this.since = session.prepare(CqlFile.classpath(SINCE).inKeyspace(keyspace).cql());
        this.poller = new Thread(this::pollUntilStopped, "probe-reader");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    /** A probe sent to the topic: its latency is measured once its row is readable. */
    void await(UUID eventId, long ts) {
        awaited.put(eventId, ts);
    }

    int awaiting() {
        return awaited.size();
    }

    synchronized long[] latencies() {
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private void pollUntilStopped() {
        while (!stopped) {
            try {
                poll();
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("probe poll failed: {}", e.getMessage());
            }
        }
    }

    private void poll() {
        Map<Instant, Long> oldestPerHour = awaited.values().stream().collect(Collectors.toMap(
                ts -> Instant.ofEpochMilli(ts).truncatedTo(ChronoUnit.HOURS), ts -> ts, Math::min));
        for (Map.Entry<Instant, Long> hour : oldestPerHour.entrySet()) {
            ZonedDateTime utc = hour.getKey().atZone(ZoneOffset.UTC);
            List<Row> rows = session.execute(since.bind(probe, utc.toLocalDate(), utc.getHour(),
                    Instant.ofEpochMilli(hour.getValue()))).all();
            long seenAt = System.currentTimeMillis();
            for (Row row : rows) {
                Long ts = awaited.remove(row.getUuid(0));
                if (ts != null) {
                    synchronized (this) {
                        latencies.add(seenAt - ts);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        poller.interrupt();
        poller.join();
    }
}
