package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

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
