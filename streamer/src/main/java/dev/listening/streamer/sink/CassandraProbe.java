package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * {@link CassandraHealth} through the connector's own session cache. Some outages surface as
 * exceptions no type can tell apart from a bug (the driver's "Control channel not available" is
 * an IllegalStateException); asking Cassandra settles it.
 */
public final class CassandraProbe implements CassandraHealth {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraProbe.class);
    private static final SimpleStatement PING = SimpleStatement.newInstance(StatementFile.SYSTEM_LOCAL_SELECT.load().cql())
            .setTimeout(Duration.ofSeconds(5));

    private final CassandraConnector connector;

    public CassandraProbe(SparkConf conf) {
        this.connector = CassandraConnector.apply(conf);
    }

    /**
     * A refused password (or none, where one is asked for) is no outage to wait out: one line and an
     * exit before the query starts. Any other failure is left to the writes' retries.
     */
    public void requireLogin() {
        try (CqlSession session = connector.openSession()) {
            LOG.debug("logged in to Cassandra as {}", session.getContext().getSessionName());
        } catch (Exception e) {
            // the connector's IOException is thrown undeclared (Scala)
            if (refusedLogin(e)) {
                throw new UserError("Cassandra refused the streamer's login (set " + Env.CASSANDRA_USER + " and "
                        + Env.CASSANDRA_PASSWORD + ", or the file of ./pipeline up --auth)", e);
            }
            LOG.debug("Cassandra did not answer the login check", e);
        }
    }

    private static boolean refusedLogin(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AllNodesFailedException all
                    && all.getAllErrors().values().stream().flatMap(List::stream).anyMatch(AuthenticationException.class::isInstance)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean answers() {
        try (CqlSession session = connector.openSession()) {
            session.execute(PING);
            return true;
        } catch (Exception e) {
            // Whatever the failure, the answer is "no"; the write's own failure is what gets reported.
            LOG.debug("Cassandra did not answer the probe", e);
            return false;
        }
    }

    /**
     * A driver session that lost its control connection mid-refresh never refreshes its schema
     * again (driver 4.18: the refresh future is left pending when SchemaQueries.newInstance
     * throws), and the connector's next write waits on it forever. A fresh session does not.
     */
    @Override
    public void reconnect() {
        CassandraConnector.evictCache();
    }
}
