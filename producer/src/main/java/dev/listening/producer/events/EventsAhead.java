package dev.listening.producer.events;

import dev.listening.contract.ListeningEvent;
import dev.listening.producer.scenario.Scenario;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** {@link EventSource#ahead}: a maker thread hands over events in chunks, so handing over costs little per event. */
final class EventsAhead implements EventSource {
    private static final int CHUNK = 512;
    private static final int CHUNKS_AHEAD = 8;
    /** Handed over when the maker failed: the sender must not wait forever for events that will never come. */
    private static final WireEvent[] FAILED = new WireEvent[0];
    /** Handed over after the scenario's last event. */
    private static final WireEvent[] END = new WireEvent[0];

    private final BlockingQueue<WireEvent[]> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread maker;
    private volatile RuntimeException failure;
    private WireEvent[] current = new WireEvent[0];
    private int position;

    EventsAhead(Scenario scenario, long limit) {
        maker = new Thread(() -> make(scenario, limit), "event-maker");
        maker.setDaemon(true);
        maker.start();
    }

    private void make(Scenario scenario, long limit) {
        try {
            long index = 0;
            while (index < limit) {
                WireEvent[] chunk = new WireEvent[(int) Math.min(CHUNK, limit - index)];
                for (int i = 0; i < chunk.length; i++, index++) {
                    ListeningEvent event = scenario.next();
                    if (event == null) {
                        chunks.put(Arrays.copyOf(chunk, i));
                        chunks.put(END);
                        return;
                    }
                    chunk[i] = WireEvent.of(event);
                }
                chunks.put(chunk);
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            chunks.clear();
            chunks.offer(FAILED);
        }
    }

    @Override
    public WireEvent next() {
        while (position == current.length) {
            if (current == END) {
                return null;
            }
            current = take();
            position = 0;
        }
        return current[position++];
    }

    private WireEvent[] take() {
        WireEvent[] chunk;
        try {
            chunk = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for events", e);
        }
        if (chunk == FAILED) {
            throw new IllegalStateException("making events failed", failure);
        }
        return chunk;
    }

    @Override
    public void close() {
        maker.interrupt();
    }
}
