package dev.listening.contract;

/**
 * Environment variables the commands read, with their defaults. The *_OPTION constants are
 * picocli default-value expressions, so every option of every command reads the same variable.
 */
public final class Env {
    public static final String KAFKA = "PIPELINE_KAFKA";
    public static final String CASSANDRA = "PIPELINE_CASSANDRA";
    public static final String DATACENTER = "PIPELINE_DATACENTER";
    /** A Cassandra role and its password, for a node with PasswordAuthenticator ({@link CassandraCredentials}). */
    public static final String CASSANDRA_USER = "PIPELINE_CASSANDRA_USER";
    public static final String CASSANDRA_PASSWORD = "PIPELINE_CASSANDRA_PASSWORD";
    /** A Kafka client properties file (security.protocol, sasl.*, ssl.*) for every Kafka client of a command. */
    public static final String KAFKA_CONFIG = "PIPELINE_KAFKA_CONFIG";
    public static final String TOPIC = "PIPELINE_TOPIC";
    public static final String KEYSPACE = "PIPELINE_KEYSPACE";
    public static final String HOME = "PIPELINE_HOME";
    /** Ports the local stack binds besides the client ones (./pipeline up). */
    public static final String KAFKA_CONTROLLER_PORT = "PIPELINE_KAFKA_CONTROLLER_PORT";
    public static final String CASSANDRA_STORAGE_PORT = "PIPELINE_CASSANDRA_STORAGE_PORT";
    /** The Spark standalone master of `./pipeline up --cluster` (host:port) and its web UI port. */
    public static final String SPARK_MASTER = "PIPELINE_SPARK_MASTER";
    public static final String SPARK_UI_PORT = "PIPELINE_SPARK_UI_PORT";
    /**
     * JVM options added to every JVM the pipeline starts (Kafka, Cassandra, the Spark daemons, the streaming
     * job): e.g. -XX:TieredStopAtLevel=1 where start-up CPU counts more than peak speed, as in the test suite.
     */
    public static final String JVM_OPTIONS = "PIPELINE_JVM_OPTIONS";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CASSANDRA_PORT = 9042;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_CASSANDRA_STORAGE_PORT = 7000;
    public static final int DEFAULT_SPARK_MASTER_PORT = 7077;
    public static final int DEFAULT_SPARK_UI_PORT = 8080;
    public static final String DEFAULT_KAFKA = DEFAULT_HOST + ":" + DEFAULT_KAFKA_PORT;
    public static final String DEFAULT_CASSANDRA = DEFAULT_HOST + ":" + DEFAULT_CASSANDRA_PORT;
    public static final String DEFAULT_SPARK_MASTER = DEFAULT_HOST + ":" + DEFAULT_SPARK_MASTER_PORT;
    /** The data centre name of a single node with SimpleSnitch. */
    public static final String DEFAULT_DATACENTER = "datacenter1";
    /** Service data, logs, checkpoints: one git-ignored directory under the project root. */
    public static final String DEFAULT_HOME = ".pipeline";

    /** The system property ./pipeline sets to the project root; relative default paths are taken from it. */
    public static final String ROOT_PROPERTY = "pipeline.root";
    public static final String ROOT_OPTION = "${sys:" + ROOT_PROPERTY + ":-.}";

    public static final String KAFKA_OPTION = "${env:" + KAFKA + ":-" + DEFAULT_KAFKA + "}";
    public static final String CASSANDRA_OPTION = "${env:" + CASSANDRA + ":-" + DEFAULT_CASSANDRA + "}";
    public static final String DATACENTER_OPTION = "${env:" + DATACENTER + ":-" + DEFAULT_DATACENTER + "}";
    public static final String TOPIC_OPTION = "${env:" + TOPIC + ":-" + Names.TOPIC + "}";
    public static final String KEYSPACE_OPTION = "${env:" + KEYSPACE + ":-" + Names.KEYSPACE + "}";
    public static final String HOME_OPTION = "${env:" + HOME + ":-" + DEFAULT_HOME + "}";
    public static final String KAFKA_CONTROLLER_PORT_OPTION =
            "${env:" + KAFKA_CONTROLLER_PORT + ":-" + DEFAULT_KAFKA_CONTROLLER_PORT + "}";
    public static final String CASSANDRA_STORAGE_PORT_OPTION =
            "${env:" + CASSANDRA_STORAGE_PORT + ":-" + DEFAULT_CASSANDRA_STORAGE_PORT + "}";

    public static final String SPARK_MASTER_OPTION = "${env:" + SPARK_MASTER + ":-" + DEFAULT_SPARK_MASTER + "}";
    public static final String SPARK_UI_PORT_OPTION = "${env:" + SPARK_UI_PORT + ":-" + DEFAULT_SPARK_UI_PORT + "}";

    private Env() {
    }
}
