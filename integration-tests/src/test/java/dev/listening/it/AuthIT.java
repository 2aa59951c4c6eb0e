package dev.listening.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.StackSettings;
import dev.listening.stack.cassandra.LocalAuthentication;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local node started as ./pipeline up --auth starts it, on a stack of this class's own (its own
 * free ports and PIPELINE_HOME, like ServiceOutagesIT's), so the shared fixture stays without
 * authentication. Commands run as users run them, with and without the role's credentials.
 */
class AuthIT {
    private static final Path ROOT = ProjectRoot.get();
    private static final Path RUN_DIR = RunDirs.fresh("auth");
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final List<String> NOT_FROM_THE_SHELL = List.of(Env.TOPIC, Env.KEYSPACE, Env.CASSANDRA_USER,
            Env.CASSANDRA_PASSWORD);

    private static StackSettings settings;

    @BeforeAll
    static void startANodeThatAsksForAPassword() {
        List<Integer> ports = Ports.free(4);
        settings = new StackSettings(ROOT, RunDirs.home(RUN_DIR), new HostPort(Env.DEFAULT_HOST, ports.get(0)), ports.get(1),
                new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER);
        LocalAuthentication.require(settings.home());
        new LocalStack(settings).up(new Bootstrap(Names.TOPIC, 1, Names.KEYSPACE, Replication.simple(1)), DEADLINE);
    }

    @AfterAll
    static void nothingLeftRunning() {
        RunDirs.removeWithServices(RUN_DIR);
    }

    /** ./pipeline in a child JVM: the stack's addresses, PIPELINE_HOME {@code home}, and {@code env}. */
    private static ProcessResult pipeline(Path home, Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(Map.of(
                Env.KAFKA, settings.kafka().toString(),
                Env.CASSANDRA, settings.cassandra().toString(),
                Env.DATACENTER, settings.datacenter(),
                Env.HOME, home.toString()));
        all.putAll(env);
        return new PipelineRunner(ROOT, RUN_DIR.resolve("work"), all, NOT_FROM_THE_SHELL).run(DEADLINE, args);
    }

    private static CqlSession session(CassandraCredentials credentials) {
        return CassandraSessions.open(settings.cassandra().toString(), settings.datacenter(), Duration.ofSeconds(30),
                DefaultConsistencyLevel.LOCAL_ONE, Optional.of(credentials));
    }

    private static void assertOneErrorLine(ProcessResult result, String start) {
        assertEquals(1, result.exitCode(), result::stderr);
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result::stderr);
        assertTrue(lines.get(0).startsWith(start), result::stderr);
    }

    @Test
    void theRolesPasswordIsTheOwnersOnlyAndTheDefaultSuperuserIsLockedOut() throws IOException {
        Path file = CassandraCredentials.file(settings.home());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertThrows(CassandraSessions.AuthenticationFailed.class,
                () -> session(new CassandraCredentials("cassandra", "cassandra")).close());
    }

    @Test
    void withoutCredentialsACommandSaysSoInOneLine() {
        ProcessResult query = pipeline(RUN_DIR.resolve("no-credentials"), Map.of(), "query", "sample");

        assertOneErrorLine(query, "error: Cassandra at " + settings.cassandra() + " requires a user: set "
                + Env.CASSANDRA_USER + " and " + Env.CASSANDRA_PASSWORD);
    }

    @Test
    void aWrongPasswordIsRefusedInOneLine() {
        ProcessResult query = pipeline(RUN_DIR.resolve("no-credentials"),
                Map.of(Env.CASSANDRA_USER, LocalAuthentication.ROLE, Env.CASSANDRA_PASSWORD, "wrong"), "query", "sample");

        assertOneErrorLine(query, "error: Cassandra at " + settings.cassandra() + " refused the password of "
                + LocalAuthentication.ROLE);
    }

    /**
     * The job gets the role's credentials in its environment (from the node's file under the home) and hands them to the
     * connector: it stores what was produced. Meanwhile no process on the machine has the password in its arguments, and
     * afterwards neither the command outputs, the logs nor the job's metrics hold it.
     */
    @Test
    void theStreamerStoresWithTheRolesCredentialsAndThePasswordShowsNowhere() throws Exception {
        Path credentialsFile = CassandraCredentials.file(settings.home());
        CassandraCredentials ours = CassandraCredentials.read(credentialsFile).orElseThrow();
        String password = ours.password();
        String topic = "auth-streamer";
        Path runDir = RUN_DIR.resolve("streamer");
        Path log = runDir.resolve("streamer.log");
        List<ProcessResult> commands = new ArrayList<>();
        commands.add(pipeline(settings.home(), Map.of(), "produce", "--topic", topic, "--rate", "max", "--limit", "200"));
        assertEquals(0, commands.get(0).exitCode(), commands.get(0)::stderr);
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, runDir, settings.kafka().toString(),
                settings.cassandra().toString(), topic, Names.KEYSPACE).withCheckpoint(runDir.resolve("checkpoint"));

        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(ROOT, settings.home()), "local[2]"), log);
             CqlSession session = session(ours)) {
            await("the 200 events stored by a job logged in as " + LocalAuthentication.ROLE).atMost(DEADLINE)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
                        return session.execute("SELECT count(*) FROM " + Names.KEYSPACE + "." + Names.HISTORY_TABLE).one().getLong(0) >= 200;
                    });
            assertEquals(List.of(), ProcessHandle.allProcesses()
                    .flatMap(process -> process.info().commandLine().stream().filter(line -> line.contains(password))).toList());
            commands.add(pipeline(settings.home(), Map.of(), "status"));
        }

        commands.forEach(result -> assertTrue(!result.stdout().contains(password) && !result.stderr().contains(password),
                "a command's output holds the password"));
        assertEquals(List.of(), filesHolding(password, credentialsFile), "files that hold the password");
    }

    /** Every file under the run directory but {@code except} that holds {@code text}; the node's data files come and go meanwhile. */
    private static List<Path> filesHolding(String text, Path except) throws IOException {
        List<Path> holding = new ArrayList<>();
        Files.walkFileTree(RUN_DIR, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                try {
                    if (!file.equals(except) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                        holding.add(file);
                    }
                } catch (IOException e) {
                    // compacted away or rotated while the walk ran: gone, so it holds nothing
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return holding;
    }

    @Test
    void aListenerNameFullOfCqlIsBoundNeverPastedAndTheTableSurvives() {
        String name = "x'); DROP TABLE " + Names.HISTORY_TABLE + "; --";

        ProcessResult query = pipeline(settings.home(), Map.of(), "query", "songs", "--user", name, "--date", "2024-05-02",
                "--hour", "9", "--out-dir", RUN_DIR.resolve("output").toString());

        assertEquals(0, query.exitCode(), query::stderr);
        assertTrue(query.stdout().contains("(0 rows)"), query::stdout);
        CassandraCredentials ours = CassandraCredentials.read(CassandraCredentials.file(settings.home())).orElseThrow();
        try (CqlSession session = session(ours)) {
            assertTrue(session.getMetadata().getKeyspace(Names.KEYSPACE).orElseThrow().getTable(Names.HISTORY_TABLE).isPresent());
        }
    }
}
