package dev.listening.streamer.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class StallWatchdogTest {
    private long now;
    private final List<Duration> stalls = new ArrayList<>();
    private final StallWatchdog watchdog = new StallWatchdog(Duration.ofMinutes(5), () -> now, stalls::add);

    private void advance(Duration by) {
        now += by.toNanos();
        watchdog.check();
    }

    @Test
    void beatsWithinTheTimeoutKeepTheJobRunning() {
        for (int i = 0; i < 20; i++) {
            advance(Duration.ofMinutes(4));
            watchdog.beat();
        }

        assertEquals(List.of(), stalls);
    }

    @Test
    void silenceForTheTimeoutStopsTheJobOnce() {
        advance(Duration.ofMinutes(4));
        watchdog.beat();
        advance(Duration.ofSeconds(299));
        assertEquals(List.of(), stalls, "one second short of the timeout");

        advance(Duration.ofSeconds(1));
        advance(Duration.ofMinutes(1));

        assertEquals(List.of(Duration.ofMinutes(5)), stalls);
    }

    @Test
    void aRunningWatchdogChecksByItself() throws InterruptedException {
        List<Duration> seen = new ArrayList<>();
        try (StallWatchdog real = new StallWatchdog(Duration.ofMillis(200), d -> {
            synchronized (seen) {
                seen.add(d);
                seen.notifyAll();
            }
        })) {
            real.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (seen) {
                    return seen.size() == 1;
                }
            });
        }
    }
}
