package dev.listening.it;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryRunner;
import dev.listening.cql.query.ResultTable;
import dev.listening.dashboard.Dashboard;
import dev.listening.dashboard.DashboardSettings;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongPredicate;
import java.util.logging.Level;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./pipeline dashboard in a real browser (Debian's headless Chromium through its chromedriver): with the
 * streamer running on a fresh topic and keyspace, the page loads without console errors, its stored
 * count rises while events flow, and the listener page shows exactly the rows that the songs query of
 * ./pipeline query returns for the same listener, date and hour.
 */
class DashboardIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    /** The streamer's start included: Spark takes minutes to start on a loaded 2-core machine. */
    private static final Duration FIRST_DEADLINE = Duration.ofMinutes(4);
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Quotes, a semicolon and non-ASCII letters: typed into the page, bound as a value, never CQL text. */
    private static final String LISTENER = "Zoë O'Connor \"DJ\"; --";
    private static final List<String[]> SONGS = List.of(
            new String[] {"Cruel Summer", "Taylor Swift"},
            new String[] {"La Diabla", "Xavi"},
            new String[] {"yes, and?", "Ariana Grande"});

    private final String topic = STACK.newTopic("dashboard", 1);
    private final String keyspace = STACK.newKeyspace("dashboard");
    private final Path runDir = STACK.workDir().resolve("dashboard-" + topic);

    @Test
    void thePageFollowsTheStreamerAndTheListenerPageShowsWhatTheCliQueryReturns() throws Exception {
        ZonedDateTime hourStart = Instant.now().truncatedTo(ChronoUnit.HOURS).atZone(ZoneOffset.UTC);
        int listenerPlays = 7;
        send(firstWave(hourStart, listenerPlays));

        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        Path streamerLog = runDir.resolve("streamer.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(STACK.root(), runDir), "local[2]"),
                streamerLog);
             Dashboard dashboard = Dashboard.start(new DashboardSettings(KafkaClient.of(STACK.kafkaBootstrap()), topic,
                     STACK.cassandraContactPoint(), STACK.datacenter(), keyspace, submission.metricsFile(), "127.0.0.1", 0));
             Browser browser = new Browser()) {
            WebDriver driver = browser.driver;
            driver.get(dashboard.address().toString());

            long first = awaitStored(driver, streamer, streamerLog, FIRST_DEADLINE, n -> n >= 100 + listenerPlays);
            send(events(300, i -> Instant.now().toEpochMilli(), i -> "listener " + (i % 9)));
            long later = awaitStored(driver, streamer, streamerLog, DEADLINE, n -> n >= 400 + listenerPlays);
            assertTrue(later > first, "the stored count rose from " + first + " to " + later);
            screenshot(driver);

            String date = hourStart.toLocalDate().toString();
            String hour = Integer.toString(hourStart.getHour());
            driver.get(dashboard.address().resolve("/listener?date=" + date + "&hour=" + hour).toString());
            driver.findElement(By.id("name")).sendKeys(LISTENER);
            driver.findElement(By.id("run")).click();
            List<List<String>> shown = await("the listener page's songs table").atMost(Duration.ofSeconds(20))
                    .until(() -> songsTable(driver), rows -> rows != null);

            ResultTable expected = new QueryRunner(STACK.session(), keyspace)
                    .run(QueryRequest.named(NamedQuery.SONGS, QueryParameters.parse(LISTENER, date, hour))).table();
            assertEquals(listenerPlays, expected.rows().size(), "the CLI's songs query finds every play of the listener");
            assertEquals(cells(expected), shown);
            assertEquals(List.of(), severe(driver), "no error in the browser's console");
        }
    }

    /** 100 plays of other listeners now, and the listener's plays at the start of this hour (one partition). */
    private List<ListeningEvent> firstWave(ZonedDateTime hourStart, int listenerPlays) {
        List<ListeningEvent> wave = new ArrayList<>(events(100, i -> Instant.now().toEpochMilli(), i -> "listener " + (i % 9)));
        wave.addAll(events(listenerPlays, i -> hourStart.toInstant().toEpochMilli() + i * 1000L, i -> LISTENER));
        return wave;
    }

    private static List<ListeningEvent> events(int n, IntToLongFunction ts,
                                               IntFunction<String> name) {
        List<ListeningEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] song = SONGS.get(i % SONGS.size());
            events.add(new ListeningEvent(ListeningEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), ts.applyAsLong(i),
                    "user-" + name.apply(i).hashCode(), name.apply(i), "PT", "Porto", "Linux", "web", "desktop", song[0], song[1]));
        }
        return events;
    }

    private void send(List<ListeningEvent> events) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ListeningEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.eventId(), EventJson.toBytes(event)));
            }
            producer.flush();
        }
    }

    /** Waits until the page's stored count passes {@code reached}, and returns it. */
    private static long awaitStored(WebDriver driver, SparkSubmitProcess streamer, Path log, Duration deadline,
                                    LongPredicate reached) {
        return await("the page's stored count").atMost(deadline).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
            String text = driver.findElement(By.id("total-stored")).getText().strip();
            return text.matches("\\d+") ? Long.parseLong(text) : -1L;
        }, reached::test);
    }

    /** The songs result's body cells as the page shows them; null until it is there. */
    private static List<List<String>> songsTable(WebDriver driver) {
        List<WebElement> results = driver.findElements(By.cssSelector("div[data-query='songs'] tbody"));
        if (results.isEmpty()) {
            String status = driver.findElement(By.id("status")).getText();
            assertTrue(!status.contains("error") && !driver.findElement(By.id("status")).getAttribute("class").contains("error"),
                    "the listener page failed: " + status);
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : results.get(0).findElements(By.tagName("tr"))) {
            rows.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /** What the page writes for each value of the query's JSON: the exact text, "null" for none. */
    private static List<List<String>> cells(ResultTable table) {
        return table.rows().stream().map(row -> row.stream().map(v -> v == null ? "null" : v.toString()).toList()).toList();
    }

    private static List<String> severe(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    private void screenshot(WebDriver driver) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = STACK.workDir().resolve("dashboard-" + topic + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Headless Chromium with its console log kept, closed with the test. */
    private static final class Browser implements AutoCloseable {
        final WebDriver driver;

        Browser() {
            assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "DashboardIT needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1400");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            driver = new ChromeDriver(service, options);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
