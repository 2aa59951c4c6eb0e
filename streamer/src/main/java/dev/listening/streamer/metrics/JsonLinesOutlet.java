package dev.listening.streamer.metrics;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One JSON line per record in the metrics file ({@link MetricsFile}); the file exists once the query runs. */
public final class JsonLinesOutlet implements MetricsOutlet {
    private final Path file;

    public JsonLinesOutlet(Path file) {
        this.file = file;
    }

    @Override
    public void started() {
        try {
            MetricsFile.create(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void publish(BatchMetrics metrics) {
        try {
            MetricsFile.append(file, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
