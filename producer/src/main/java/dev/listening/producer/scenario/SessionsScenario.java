package dev.listening.producer.scenario;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.RandomBasedGenerator;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.PlayAction;
import dev.listening.contract.SongColumn;
import dev.listening.producer.habits.DailyRhythm;
import dev.listening.producer.habits.Habits;
import dev.listening.producer.habits.Popularity;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.songs.Song;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Listening sessions: each listener starts sessions when their {@link DailyRhythm} (in their time
 * zone) makes it likely, plays songs back to back (each next play starts when the previous one,
 * with its pauses, has ended), skips some, pauses now and then, and ends the session after a
 * geometric number of plays. Songs follow {@link Popularity} and the listener's {@link Habits}.
 *
 * <p>Listeners run side by side on one virtual timeline: the listener whose next play is earliest
 * plays next, so events come out in ts order. Each listener draws from a random of its own, so
 * the stream depends only on the setup.
 */
public final class SessionsScenario implements Scenario {
    /** Probability that a play is paused, for 30 s to 10 min. */
    public static final double PAUSE_RATE = 0.05;
    private static final long MIN_PAUSE_MS = 30_000;
    private static final long MAX_PAUSE_MS = 600_000;
    /** The next play of a session starts 0-3 s after the previous one ended (loading, crossfade). */
    private static final long MAX_GAP_MS = 3_000;
    /** A skip happens after at least this long (or 1 ms before the end of a shorter song). */
    private static final long MIN_PLAYED_MS = 5_000;
    /** A skip happens within the first 60 % of the song. */
    private static final double MAX_SKIP_SHARE = 0.6;
    /** A session starts at least this long after the previous one of the same listener ended. */
    public static final long MIN_SESSION_GAP_MS = 600_000;

    private final Popularity popularity;
    private final long end;
    private final PriorityQueue<Listening> queue =
            new PriorityQueue<>(Comparator.comparingLong((Listening l) -> l.nextTs).thenComparingInt(l -> l.order));
    private final TimeBasedEpochGenerator eventIds;
    private final RandomBasedGenerator sessionIds;

    public SessionsScenario(ScenarioSetup setup) {
        SplittableRandom root = new SplittableRandom(setup.seed());
        this.popularity = new Popularity(setup.songs(), root.nextLong());
        this.eventIds = Generators.timeBasedEpochGenerator(new Random(root.nextLong()));
        this.sessionIds = Generators.randomBasedGenerator(new Random(root.nextLong()));
        this.end = setup.endMillis();
        long start = setup.startOrNow().toEpochMilli();
        int order = 0;
        for (Listener listener : setup.listeners()) {
            Listening listening = new Listening(listener, Habits.of(listener), root.split(), order++);
            listening.startSession(start);
            queue.add(listening);
        }
    }

    @Override
    public ListeningEvent next() {
        Listening listening = queue.peek();
        if (listening.nextTs >= end) {
            return null;
        }
        queue.poll();
        ListeningEvent event = listening.play();
        queue.add(listening);
        return event;
    }

    /** One listener's state on the timeline: when their next play starts, and in which session. */
    private final class Listening {
        final Listener listener;
        final Habits habits;
        final SplittableRandom random;
        final int order;
        long nextTs;
        String sessionId;

        Listening(Listener listener, Habits habits, SplittableRandom random, int order) {
            this.listener = listener;
            this.habits = habits;
            this.random = random;
            this.order = order;
        }

        void startSession(long afterMillis) {
            nextTs = DailyRhythm.nextStart(afterMillis, habits.sessionsPerDay(), habits.zone(), random);
            sessionId = null;
        }

        ListeningEvent play() {
            if (sessionId == null) {
                sessionId = sessionIds.generate().toString();
            }
            long ts = nextTs;
            Song song = popularity.pick(habits, random);
            long duration = (Long) song.value(SongColumn.DURATION_MS);
            boolean skipped = duration > 1 && random.nextDouble() < habits.skipRate();
            long played = skipped ? skipAt(duration) : duration;
            long paused = random.nextDouble() < PAUSE_RATE ? random.nextLong(MIN_PAUSE_MS, MAX_PAUSE_MS + 1) : 0;
            ListeningEvent event = new ListeningEvent(ListeningEvent.SCHEMA_VERSION, eventIds.construct(ts).toString(),
                    ts, listener.userId(), listener.name(), listener.country(), listener.city(),
                    listener.device().os(), listener.device().client(), listener.device().deviceType(),
                    song.title(), song.artists(), (skipped ? PlayAction.SKIP : PlayAction.PLAY).jsonValue(),
                    played, paused, sessionId);
            long ended = ts + played + paused;
            // a session runs on with probability (n-1)/n after each play: n plays on average
            if (random.nextDouble() < (habits.sessionPlays() - 1) / habits.sessionPlays()) {
                nextTs = ended + random.nextLong(MAX_GAP_MS + 1);
            } else {
                startSession(ended + MIN_SESSION_GAP_MS);
            }
            return event;
        }

        /** Somewhere in the first part of the song, always before its end. */
        private long skipAt(long duration) {
            long latest = Math.max(1, Math.min(duration - 1, (long) (duration * MAX_SKIP_SHARE)));
            long earliest = Math.min(MIN_PLAYED_MS, latest);
            return earliest == latest ? latest : random.nextLong(earliest, latest + 1);
        }
    }
}
