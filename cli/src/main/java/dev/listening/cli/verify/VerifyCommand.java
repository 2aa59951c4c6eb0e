package dev.listening.cli.verify;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.UserError;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KafkaOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.SongsOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.ReadConsistencyOption;
import dev.listening.verify.Quality;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Scope;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import dev.listening.verify.VerifyText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;

/** ./pipeline verify: is every event of the topic in Cassandra exactly once? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Reconciles the topic with Cassandra: every record must be stored exactly once, as a "
                + "listening_history row equal to its event (and its song in the songs CSV) or, if it is not a well-formed "
                + "event, as a dead letter (by partition, offset and Kafka timestamp).",
                "Exit 0 only when nothing is missing, doubled, dead-lettered though well-formed, different or unexpected.",
                "--quality also checks the data against thresholds; exit 0 then needs both."})
public final class VerifyCommand implements Callable<Integer> {
    /** How far ahead of verify's clock an event time may be: the producer's clock is another machine's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOption topic;

    @Mixin
    CassandraOptions cassandra;

    @Mixin
    ReadConsistencyOption consistency;

    @Mixin
    KeyspaceOption keyspace;

    @Option(names = "--from-offsets", converter = OffsetsConverter.class, paramLabel = "P=O[,P=O]",
            description = "Start offsets per partition (default: the beginning). Rows no record explains are then judged only with --full.")
    Map<Integer, Long> from = Map.of();

    @Option(names = "--to-offsets", converter = OffsetsConverter.class, paramLabel = "P=O[,P=O]",
            description = "End offsets per partition, exclusive (default: the end when verify starts).")
    Map<Integer, Long> to = Map.of();

    @Option(names = "--full",
            description = "Read every partition (all dates and hours) of the listeners seen, not only those the records point at, "
                    + "so that a row no record of the topic explains is found wherever it is.")
    boolean full;

    /** The songs CSV the streamer joins: the rows' song features must match it. */
    @Mixin
    SongsOption songs;

    @Option(names = "--show", defaultValue = "20", description = "How many missing, doubled, dead-lettered, differing or unexpected records to list (default: ${DEFAULT-VALUE}).")
    int show;

    @ArgGroup(exclusive = false, heading = "%nData quality (with --quality; a share is a fraction, 0.05 = 5 %%):%n")
    QualityOptions quality;

    /** The thresholds of --quality; crossing any makes the exit code 1. */
    static final class QualityOptions {
        @Option(names = "--quality", required = true,
                description = "Also check the data: join misses, dead letters, ts window, overlapping plays, rollups = history.")
        boolean enabled;

        @Option(names = "--max-join-miss-share", defaultValue = "0.05",
                description = "Rows whose song is not in the catalogue, of the rows stored (default: ${DEFAULT-VALUE}).")
        double maxJoinMissShare;

        @Option(names = "--max-dead-letter-share", defaultValue = "0",
                description = "Dead letters, of the records read (default: ${DEFAULT-VALUE}).")
        double maxDeadLetterShare;

        @Option(names = "--ts-from", defaultValue = "2000-01-01T00:00:00Z", paramLabel = "INSTANT",
                description = "Earliest event time expected (default: ${DEFAULT-VALUE}).")
        Instant tsFrom;

        @Option(names = "--ts-to", paramLabel = "INSTANT",
                description = "Latest event time expected (default: 5 minutes after verify starts).")
        Instant tsTo;

        @Option(names = "--max-ts-outside-share", defaultValue = "0",
                description = "Rows with ts outside [--ts-from, --ts-to], of the rows read (default: ${DEFAULT-VALUE}).")
        double maxTsOutsideShare;

        @Option(names = "--max-overlapping-listeners", defaultValue = "0",
                description = "Listeners with a play that starts before their previous song has ended (default: ${DEFAULT-VALUE}).")
        long maxOverlappingListeners;

        @Option(names = "--sample-hours", defaultValue = "10",
                description = "Date/hours of the topic whose rollup is compared with listening_history (default: ${DEFAULT-VALUE}).")
        int sampleHours;

        @Option(names = "--max-rollup-mismatches", defaultValue = "0",
                description = "Sampled hours whose rollup differs from listening_history (default: ${DEFAULT-VALUE}).")
        long maxRollupMismatches;

        Quality.Thresholds thresholds() {
            for (double share : new double[] {maxJoinMissShare, maxDeadLetterShare, maxTsOutsideShare}) {
                if (share < 0 || share > 1) {
                    throw new UserError("a share must be between 0 and 1, not " + share);
                }
            }
            if (sampleHours < 0) {
                throw new UserError("--sample-hours must be 0 or more, not " + sampleHours);
            }
            return new Quality.Thresholds(maxJoinMissShare, maxDeadLetterShare, tsFrom,
                    tsTo != null ? tsTo : Instant.now().plus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS), maxTsOutsideShare, maxOverlappingListeners,
                    maxRollupMismatches);
        }
    }

    @Override
    public Integer call() {
        Quality.Thresholds thresholds = quality == null ? null : quality.thresholds();
        String topic = this.topic.topic();
        String keyspace = this.keyspace.keyspace();
        SongFeatures features = SongFeatures.load(songs.songs());
        Scope scope = full ? Scope.FULL : Scope.RECORDS;
        try (CqlSession session = CassandraSessions.open(cassandra, Duration.ofSeconds(30), consistency.consistency())) {
            TopicReader reader = new TopicReader(kafka.client(), Duration.ofSeconds(30)).showingProgress();
            Verifier verifier = new Verifier(reader, session, keyspace, features);
            if (thresholds == null) {
                Reconciliation.Report report = verifier.verify(topic, from, to, scope);
                VerifyText.reconciliation(report, topic, keyspace, show).forEach(System.out::println);
                return report.passed() ? 0 : 1;
            }
            Verifier.QualityReport report = verifier.verifyQuality(topic, from, to, scope, thresholds, quality.sampleHours);
            VerifyText.reconciliation(report.reconciliation(), topic, keyspace, show).forEach(System.out::println);
            VerifyText.quality(report, show).forEach(System.out::println);
            return report.reconciliation().passed() && report.passed() ? 0 : 1;
        }
    }
}
