package dev.listening.stack.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Class-data-sharing archives (JDK 17's dynamic AppCDS) of the JVMs the pipeline starts, one per java, classpath and main
 * class: a JVM maps the classes an earlier one loaded instead of reading, parsing and verifying them again, a third of a
 * Spark job's or a service's start-up CPU (docs/performance.md). A job or tool, the first of its kind, dumps the archive when it
 * exits; a service once it is ready ({@link #forService}, {@link #dumpRunning}), since a service's stop has a deadline and
 * every other service started meanwhile would dump at its stop too. Each dump goes into a file of its own; a later start
 * adopts the first complete one. A JVM killed before its dump leaves none, and the next one tries again.
 * {@code PIPELINE_JVM_OPTIONS=-Xshare:off} (which ./pipeline gives its own JVM too) turns sharing off.
 */
public record ClassArchives(Path dir) {
    private static final Logger LOG = LoggerFactory.getLogger(ClassArchives.class);
    /**
     * JDK 17 writes a dynamic archive's header, which begins with this number, after everything else: a file that starts
     * with it is complete.
     */
    static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;
    static final String ARCHIVE_SUFFIX = ".jsa";
    static final String DUMP_SUFFIX = ".dump";
    /** A JVM started with it can be asked for its archive while it runs (jcmd PID VM.cds dynamic_dump FILE). */
    static final String RECORD_DUMP_INFO = "-XX:+RecordDynamicDumpInfo";
    /** A dump takes seconds; one this old without its header was cut short. */
    static final Duration ABANDONED_DUMP = Duration.ofMinutes(10);

    /** Under the stack module's build output: derived from the jars, gone with {@code mvn clean}, never committed. */
    public static ClassArchives of(Path root) {
        return new ClassArchives(root.resolve("stack").resolve("target").resolve("class-archives"));
    }

    /**
     * The command with the option that maps its archive, or that dumps one at exit when there is none yet. Unchanged where
     * this JVM runs without the JDK's base archive (-Xshare:off, or a JDK built without one): a JVM asked to dump then
     * refuses to start.
     */
    public JvmCommand apply(JvmCommand command) {
        return withArchive(command, key -> "-XX:ArchiveClassesAtExit=" + newDump(key));
    }

    /** For a service: maps its archive, or starts it so that {@link #dumpRunning} can take one once it is ready. */
    public JvmCommand forService(JvmCommand command) {
        return withArchive(command, key -> RECORD_DUMP_INFO);
    }

    /**
     * Asks the running JVM of {@code command}, started by {@link #forService} without an archive, for one (with the JDK's
     * jcmd, in the background) unless another has been adopted since. Takes a moment of the JVM's time, once per build.
     */
    public void dumpRunning(JvmCommand command, long pid) {
        Path jcmd = command.java().resolveSibling("jcmd");
        if (!command.options().contains(RECORD_DUMP_INFO) || !Files.isExecutable(jcmd)) {
            return;
        }
        try {
            String key = key(command);
            Path archive = dir.resolve(key + ARCHIVE_SUFFIX);
            adoptDump(key, archive);
            if (!Files.isRegularFile(archive)) {
                new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump", newDump(key).toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            }
        } catch (IOException e) {
            LOG.debug("no class archive taken of {}", command.mainClass(), e);
        }
    }

    /** {@code without}: the option, from the archive's key, for a JVM whose archive does not exist yet. */
    private JvmCommand withArchive(JvmCommand command, UnaryOperator<String> without) {
        if (!System.getProperty("java.vm.info", "").contains("sharing")) {
            return command;
        }
        try {
            Files.createDirectories(dir);
            String key = key(command);
            Path archive = dir.resolve(key + ARCHIVE_SUFFIX);
            if (!Files.isRegularFile(archive)) {
                adoptDump(key, archive);
            }
            return command.withOptions(List.of(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : without.apply(key)));
        } catch (IOException e) {
            // Sharing only saves time: without it the JVM starts as it always did.
            LOG.debug("no class archive for {}", command.mainClass(), e);
            return command;
        }
    }

    private Path newDump(String key) {
        return dir.resolve(key + "-" + UUID.randomUUID() + DUMP_SUFFIX);
    }

    /** Names the java, the main class and every classpath entry with its size and time, so a rebuilt jar gets a new archive. */
    static String key(JvmCommand command) throws IOException {
        MessageDigest digest = sha256();
        update(digest, command.java().toString());
        update(digest, System.getProperty("java.vm.version"));
        update(digest, command.mainClass());
        for (String entry : command.classpath().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            update(digest, entry);
            if (Files.exists(path)) {
                update(digest, Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis());
            }
        }
        String simpleName = command.mainClass().substring(command.mainClass().lastIndexOf('.') + 1);
        return simpleName + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private void adoptDump(String key, Path archive) throws IOException {
        List<Path> dumps;
        try (Stream<Path> files = Files.list(dir)) {
            dumps = files.filter(f -> f.getFileName().toString().startsWith(key + "-") && f.getFileName().toString().endsWith(DUMP_SUFFIX))
                    .toList();
        }
        Instant abandoned = Instant.now().minus(ABANDONED_DUMP);
        for (Path dump : dumps) {
            if (complete(dump)) {
                if (!Files.isRegularFile(archive)) {
                    Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE);
                    LOG.debug("class archive {} adopted", archive);
                } else {
                    Files.deleteIfExists(dump);
                }
            } else if (Files.getLastModifiedTime(dump).toInstant().isBefore(abandoned)) {
                Files.deleteIfExists(dump);
            }
        }
    }

    static boolean complete(Path dump) throws IOException {
        try (InputStream in = Files.newInputStream(dump)) {
            byte[] head = in.readNBytes(Integer.BYTES);
            return head.length == Integer.BYTES
                    && ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt() == DYNAMIC_ARCHIVE_MAGIC;
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
