package dev.listening.producer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.producer.events.EventSink;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

class ProducerMetricsTest {
    @Test
    void theEndpointServesTheSinksCountsAndTheRateAsOfEachScrape() throws Exception {
        CountingSink sink = new CountingSink();
        AtomicLong nanos = new AtomicLong(0);
        try (ProducerMetrics metrics = ProducerMetrics.serve(sink, nanos::get, "127.0.0.1", 0)) {
            sink.sent = 120;
            sink.acknowledged = 100;
            sink.failed = 2;
            nanos.set(Duration.ofSeconds(4).toNanos());

            Map<String, Double> samples = scrape(metrics.port());

            assertEquals(120.0, samples.get("listening_producer_sent_total"));
            assertEquals(100.0, samples.get("listening_producer_acknowledged_total"));
            assertEquals(2.0, samples.get("listening_producer_failed_total"));
            assertEquals(25.0, samples.get("listening_producer_events_per_second"), "100 acknowledged in 4 s");
        }
    }

    private static Map<String, Double> scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split(" "))
                .collect(Collectors.toMap(parts -> parts[0], parts -> Double.parseDouble(parts[1])));
    }

    private static final class CountingSink implements EventSink {
        volatile long sent;
        volatile long acknowledged;
        volatile long failed;

        @Override
        public void send(String key, byte[] json) {
        }

        @Override
        public void flush() {
        }

        @Override
        public long sent() {
            return sent;
        }

        @Override
        public long acknowledged() {
            return acknowledged;
        }

        @Override
        public long failed() {
            return failed;
        }

        @Override
        public Exception firstFailure() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
