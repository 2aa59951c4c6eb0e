package dev.listening.cql.report;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;
import dev.listening.contract.CqlFile;
import dev.listening.contract.UserError;
import dev.listening.cql.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the rollup tables the streamer keeps, one partition per request and only the partitions a
 * report needs: a date/hour of listening_by_hour, a date of listener_daily. Nothing is scanned, so
 * a report's cost follows the range it asks for, not the size of the tables. The statements
 * (cql/reports/) bind by position, in their markers' order: (date, hour), (date, hour), (date), (date, hour).
 */
public final class RollupReader {
    static final String SONG_PLAYS = "cql/reports/listening_by_hour_select_songs.cql";
    static final String HOUR_TOTALS = "cql/reports/listening_by_hour_select_totals.cql";
    static final String LISTENER_DAYS = "cql/reports/listener_daily_select.cql";
    static final String LISTENER_HOURS = "cql/reports/listener_hourly_select.cql";
    private static final double MS_PER_MINUTE = 60_000.0;

    private final CqlSession session;
    private final String keyspace;
    private final PreparedStatement songPlays;
    private final PreparedStatement hourTotals;
    private final PreparedStatement listenerDays;
    private final PreparedStatement listenerHours;

    public RollupReader(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = Schema.checkKeyspace(keyspace);
        this.songPlays = prepare(SONG_PLAYS);
        this.hourTotals = prepare(HOUR_TOTALS);
        this.listenerDays = prepare(LISTENER_DAYS);
        this.listenerHours = prepare(LISTENER_HOURS);
    }

    /** The plays per song of every date/hour given. */
    public List<Rankings.SongPlays> songPlays(List<DateHour> hours) {
        List<Rankings.SongPlays> plays = new ArrayList<>();
        for (DateHour hour : hours) {
            for (Row row : execute(() -> session.execute(songPlays.bind(hour.date(), hour.hour())))) {
                plays.add(new Rankings.SongPlays(row.getString(0), row.getString(1), row.getLong(2)));
            }
        }
        return plays;
    }

    /** The totals of each hour of the date that has plays. */
    public List<Rankings.HourTotals> hourTotals(LocalDate date) {
        List<Rankings.HourTotals> totals = new ArrayList<>();
        for (DateHour hour : DateHour.allOf(date)) {
            Row row = execute(() -> session.execute(hourTotals.bind(hour.date(), hour.hour()))).one();
            if (row != null && !row.isNull(0)) {
                totals.add(new Rankings.HourTotals(hour.hour(), row.getLong(0), row.getLong(1)));
            }
        }
        return totals;
    }

    public List<Rankings.ListenerDay> listenerDays(LocalDate date) {
        List<Rankings.ListenerDay> days = new ArrayList<>();
        for (Row row : execute(() -> session.execute(listenerDays.bind(date)))) {
            days.add(new Rankings.ListenerDay(row.getString(0), row.getLong(1), row.getDouble(2)));
        }
        return days;
    }

    /** Every listener's plays and minutes in one date/hour (listener_hourly), for the same ranking as a day's. */
    public List<Rankings.ListenerDay> listenerHours(DateHour hour) {
        List<Rankings.ListenerDay> listeners = new ArrayList<>();
        for (Row row : execute(() -> session.execute(listenerHours.bind(hour.date(), hour.hour())))) {
            listeners.add(new Rankings.ListenerDay(row.getString(0), row.getLong(1), row.getLong(2) / MS_PER_MINUTE));
        }
        return listeners;
    }

    private PreparedStatement prepare(String resource) {
        String cql = CqlFile.classpath(resource).inKeyspace(keyspace).cql();
        return execute(() -> session.prepare(cql));
    }

    private <T> T execute(Supplier<T> request) {
        try {
            return request.get();
        } catch (CoordinatorException | AllNodesFailedException | DriverTimeoutException e) {
            throw new UserError("reading the rollups in keyspace " + keyspace + " failed: " + e.getMessage(), e);
        }
    }
}
