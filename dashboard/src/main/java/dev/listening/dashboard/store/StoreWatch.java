package dev.listening.dashboard.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.output.OutputFormat;
import dev.listening.cql.query.Marker;
import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryRunner;
import dev.listening.cql.report.DateHour;
import dev.listening.cql.report.Rankings;
import dev.listening.cql.report.RollupReader;
import dev.listening.dashboard.live.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cassandra as the dashboard sees it. A background tick opens the session (again, after a failure)
 * and reads the current hour's rankings from the rollups; the listener page's queries run on demand,
 * through the same classes and bound markers as ./pipeline query. Every request has the driver's
 * request timeout; a page request never waits for a session to open.
 */
public final class StoreWatch implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);
    static final int TOP = 10;
    /** The three queries of ./pipeline query that a listener page shows. */
    public static final List<NamedQuery> LISTENER_QUERIES = List.of(NamedQuery.SAMPLE, NamedQuery.SONGS, NamedQuery.AVERAGES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String contactPoints;
    private final String datacenter;
    private final String keyspace;
    private final Duration requestTimeout;
    private final Clock clock;

    private volatile CqlSession session;
    private RollupReader rollups;
    private volatile ServiceState state = ServiceState.down("cassandra", "not connected yet");
    private volatile HourRankings hour;

    public StoreWatch(String contactPoints, String datacenter, String keyspace, Duration requestTimeout, Clock clock) {
        this.contactPoints = contactPoints;
        this.datacenter = datacenter;
        this.keyspace = keyspace;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            if (session == null) {
                session = CassandraSessions.open(contactPoints, datacenter, requestTimeout);
            }
            if (rollups == null) {
                rollups = new RollupReader(session, keyspace);
            }
            ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
            DateHour current = new DateHour(now.toLocalDate(), now.getHour());
            hour = new HourRankings(current.date().toString(), current.hour(),
                    Rankings.topSongs(rollups.songPlays(List.of(current)), TOP),
                    Rankings.topListeners(rollups.listenerHours(current), TOP));
            state = ServiceState.up("cassandra", contactPoints + ", keyspace " + keyspace);
        } catch (RuntimeException e) {
            LOG.debug("Cassandra did not answer", e);
            state = ServiceState.down("cassandra", e);
        }
    }

    public ServiceState state() {
        return state;
    }

    /** The current hour's rankings as last read; null before the first read. */
    public HourRankings hour() {
        return hour;
    }

    /**
     * The listener page: each query's result as ./pipeline query --format json writes it.
     *
     * @throws UserError for a bad name/date/hour, and when Cassandra is not connected or does not answer
     */
    public Map<String, JsonNode> listener(String name, String date, String hour) {
        QueryParameters parameters = QueryParameters.parse(name, date, hour);
        CqlSession current = session;
        if (current == null) {
            throw new UserError("Cassandra is not connected: " + state.detail());
        }
        QueryRunner runner = new QueryRunner(current, keyspace);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (NamedQuery query : LISTENER_QUERIES) {
            results.put(query.cliName(), json(OutputFormat.JSON.render(runner.run(request(query, parameters)))));
        }
        return results;
    }

    /** The query with the values its file takes: sample takes none, songs and averages all three. */
    static QueryRequest request(NamedQuery query, QueryParameters parameters) {
        Set<Marker> markers = QueryRequest.named(query, QueryParameters.NONE).markers();
        return QueryRequest.named(query, parameters.only(markers));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        CqlSession current = session;
        if (current != null) {
            current.close();
        }
    }
}
