package dev.listening.stack.cassandra;

import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.stack.PortUse;
import dev.listening.stack.ServiceConfig;
import dev.listening.stack.StackSettings;
import dev.listening.stack.net.HostPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Cassandra node: minimal yaml, WARN-level logback, and the JVM options Java 17 needs. A node of a
 * ring gets the seed's storage address, a fixed token of its own and a smaller heap.
 *
 * @param seed         storage address of the node others join through (a single node is its own seed)
 * @param maxHeap      -Xmx, e.g. 1G
 * @param initialToken the node's one token, or null for a single node (any token will do)
 */
public record CassandraConfig(HostPort cql, int storagePort, Path dir, HostPort seed, String maxHeap, String initialToken)
        implements ServiceConfig {
    public static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    static final String SINGLE_NODE_HEAP = "1G";
    private static final String AUTHENTICATION = """
            authenticator: PasswordAuthenticator
            role_manager: CassandraRoleManager
            authorizer: AllowAllAuthorizer
            """;

    /** From Cassandra's conf/jvm17-server.options: without them FileUtils fails on sun.nio.ch.DirectBuffer. */
    static final List<String> JAVA_17_MODULE_OPTIONS = List.of(
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports=java.sql/java.sql=ALL-UNNAMED",
            "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED");

    /** The one node of the local stack. */
    public CassandraConfig(HostPort cql, int storagePort, Path dir) {
        this(cql, storagePort, dir, cql.withPort(storagePort), SINGLE_NODE_HEAP, null);
    }

    public HostPort storage() {
        return cql.withPort(storagePort);
    }

    @Override
    public Path configFile() {
        return dir.resolve("cassandra.yaml");
    }

    public Path logbackFile() {
        return dir.resolve("logback.xml");
    }

    /** data, commitlog, hints and saved_caches all go under -Dcassandra.storagedir. */
    public Path storageDir() {
        return dir.resolve("data");
    }

    public Path tmpDir() {
        return dir.resolve("tmp");
    }

    /** The cassandra.yaml text. */
    @Override
    public String configuration() {
        // A new ring's nodes take the tokens given them instead of streaming data: there is none yet,
        // and joining one at a time would triple the start.
        String ring = initialToken == null ? "" : "initial_token: " + initialToken + "\nauto_bootstrap: false\n";
        return ring + """
                cluster_name: local
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%1$s"
                listen_address: %2$s
                rpc_address: %2$s
                storage_port: %3$d
                native_transport_port: %4$d
                start_native_transport: true
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                auto_snapshot: false
                memtable_heap_space: 64MiB
                memtable_offheap_space: 64MiB
                """.formatted(seed, cql.host(), storagePort, cql.port()) + (authenticates() ? AUTHENTICATION : "");
    }

    /**
     * The one local node asks for a password once ./pipeline up --auth has put its role's credentials
     * in the node's directory; from then on, every start does.
     */
    public boolean authenticates() {
        return initialToken == null && Files.isRegularFile(dir.resolve(CassandraCredentials.FILE_NAME));
    }

    @Override
    public List<PortUse> ports() {
        return List.of(
                new PortUse(cql, "cassandra", StackSettings.CASSANDRA_FLAG + " or " + Env.CASSANDRA),
                new PortUse(storage(), "cassandra storage",
                        StackSettings.CASSANDRA_STORAGE_PORT_FLAG + " or " + Env.CASSANDRA_STORAGE_PORT));
    }

    /** WARN and above on stdout, which the stack appends to the service log. */
    public String logback() {
        return """
                <configuration>
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%-5level [%thread] %date{ISO8601} %logger{0}: %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="STDOUT"/></root>
                </configuration>
                """;
    }

    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Xms256M", "-Xmx" + maxHeap, "-Xss256k", "-XX:+UseG1GC",
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"),
                "-ea", "-da:net.openhft...",
                "-Djava.net.preferIPv4Stack=true",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Djava.io.tmpdir=" + tmpDir(),
                "-Dcassandra.config=" + configFile().toUri(),
                "-Dlogback.configurationFile=" + logbackFile().toUri(),
                "-Dcassandra.storagedir=" + storageDir(),
                "-Dcassandra-foreground=yes",
                // one node, or a ring on loopback addresses: gossip needs no delay to settle; no delay before the default superuser
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.superuser_setup_delay_ms=0"));
        options.addAll(JAVA_17_MODULE_OPTIONS);
        return options;
    }
}
