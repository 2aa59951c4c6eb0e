package dev.listening.streamer.watchdog;

import org.apache.spark.sql.streaming.StreamingQueryListener;

/** Every progress report of the query, a finished batch or an idle trigger, is a beat for the watchdog. */
public final class ProgressBeat extends StreamingQueryListener {
    private final StallWatchdog watchdog;

    public ProgressBeat(StallWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        watchdog.beat();
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        watchdog.beat();
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        watchdog.beat();
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        watchdog.close();
    }
}
