package dev.listening.producer.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far long work toward a known end has come (produce --limit/--backfill, verify, the benchmarks'
 * waits): a bar (me.tongfei:progressbar) when stderr is a terminal; otherwise a plain line at most
 * every {@link #LINE_EVERY}, which logs, tests and CI keep. Work that ends sooner prints nothing there.
 */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    static final Duration LINE_EVERY = Duration.ofSeconds(10);

    private final ProgressBar bar;
    private final String task;
    private final long total;
    private final String unit;
    private final Consumer<String> lines;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastLine;
    private long done;
    private boolean printed;

    private Progress(ProgressBar bar, String task, long total, String unit, Consumer<String> lines, LongSupplier nanoTime) {
        this.bar = bar;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.lines = lines;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastLine = started;
    }

    /** Progress of {@code task} toward {@code total} {@code unit}s, on stderr. */
    public static Progress start(String task, long total, String unit) {
        if (stderrIsTerminal()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                    .showSpeed().build();
            return new Progress(bar, task, total, unit, LOG::info, System::nanoTime);
        }
        return lines(task, total, unit, LOG::info, System::nanoTime);
    }

    /** Plain lines only, to {@code lines}, timed by {@code nanoTime}. */
    static Progress lines(String task, long total, String unit, Consumer<String> lines, LongSupplier nanoTime) {
        return new Progress(null, task, total, unit, lines, nanoTime);
    }

    /** {@code done} of the total so far. */
    public synchronized void stepTo(long done) {
        this.done = done;
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastLine >= LINE_EVERY.toNanos()) {
            lines.accept(line(now));
            lastLine = now;
            printed = true;
        }
    }

    /** Ends the bar; in plain lines, says where the work ended if it ran long enough to print any. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else if (printed) {
            lines.accept(line(nanoTime.getAsLong()));
        }
    }

    private String line(long now) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - started);
        return String.format(Locale.ROOT, "%s: %,d of %,d %s (%d %%) in %d s", task, done, total, unit,
                total > 0 ? done * 100 / total : 100, seconds);
    }

    /** Asks the terminal layer as the bar would draw it: is file descriptor 2 a terminal? */
    private static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no terminal provider: progress as plain lines", e);
            return false;
        }
    }
}
