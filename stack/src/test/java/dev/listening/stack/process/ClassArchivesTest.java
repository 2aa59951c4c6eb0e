package dev.listening.stack.process;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassArchivesTest {
    @TempDir
    Path dir;

    private JvmCommand command(String classpath) {
        return new JvmCommand(Path.of("/jdk/bin/java"), List.of("-Xmx64m"), classpath, "example.Main", List.of());
    }

    @Test
    void withoutAnArchiveTheJvmDumpsOneAtExitIntoAFileOfItsOwn() throws IOException {
        ClassArchives archives = new ClassArchives(dir.resolve("archives"));
        JvmCommand first = archives.apply(command("a.jar"));
        JvmCommand second = archives.apply(command("a.jar"));
        String dump = last(first.options());
        assertTrue(dump.startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("archives").resolve(ClassArchives.key(command("a.jar")))), dump);
        assertTrue(dump.endsWith(ClassArchives.DUMP_SUFFIX), dump);
        assertNotEquals(dump, last(second.options()), "two JVMs started at once must not write the same file");
        assertEquals(List.of("-Xmx64m"), first.options().subList(0, 1));
    }

    @Test
    void aCompleteDumpIsAdoptedAndMappedFromThenOn() throws IOException {
        ClassArchives archives = new ClassArchives(dir);
        String key = ClassArchives.key(command("a.jar"));
        Path dump = dir.resolve(key + "-1" + ClassArchives.DUMP_SUFFIX);
        Files.write(dump, headed(ClassArchives.DYNAMIC_ARCHIVE_MAGIC));
        Path duplicate = dir.resolve(key + "-2" + ClassArchives.DUMP_SUFFIX);
        Files.write(duplicate, headed(ClassArchives.DYNAMIC_ARCHIVE_MAGIC));

        Path archive = dir.resolve(key + ClassArchives.ARCHIVE_SUFFIX);
        assertEquals("-XX:SharedArchiveFile=" + archive, last(archives.apply(command("a.jar")).options()));
        assertTrue(Files.isRegularFile(archive));
        assertFalse(Files.exists(dump), "one dump became the archive");
        assertFalse(Files.exists(duplicate), "the other was deleted");
        assertEquals("-XX:SharedArchiveFile=" + archive, last(archives.apply(command("a.jar")).options()));
    }

    @Test
    void aDumpWithoutItsHeaderIsNotAdoptedAndIsDeletedOnceAbandoned() throws IOException {
        ClassArchives archives = new ClassArchives(dir);
        String key = ClassArchives.key(command("a.jar"));
        Path writing = dir.resolve(key + "-1" + ClassArchives.DUMP_SUFFIX);
        Files.write(writing, new byte[64]);
        Path abandoned = dir.resolve(key + "-2" + ClassArchives.DUMP_SUFFIX);
        Files.write(abandoned, new byte[2]);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(ClassArchives.ABANDONED_DUMP).minusSeconds(1)));

        assertTrue(last(archives.apply(command("a.jar")).options()).startsWith("-XX:ArchiveClassesAtExit="));
        assertTrue(Files.exists(writing), "a dump may still be being written");
        assertFalse(Files.exists(abandoned));
        assertFalse(Files.exists(dir.resolve(key + ClassArchives.ARCHIVE_SUFFIX)));
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[]{1});
        String before = ClassArchives.key(command(jar.toString()));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertNotEquals(before, ClassArchives.key(command(jar.toString())));
        assertNotEquals(before, ClassArchives.key(command(jar + ":b.jar")));
        assertTrue(before.startsWith("Main-"), before);
    }

    @Test
    void whereNoArchiveCanBeWrittenTheCommandIsLeftAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "");
        assertEquals(command("a.jar"), new ClassArchives(file.resolve("archives")).apply(command("a.jar")));
    }

    /** The real JVM: the first run dumps, the second maps the class it loaded from the archive. */
    @Test
    void aSecondJvmLoadsTheClassesTheFirstDumped() throws Exception {
        Path jar = helloJar();
        ClassArchives archives = new ClassArchives(dir.resolve("archives"));
        JvmCommand hello = new JvmCommand(JvmCommand.currentJava(), List.of("-Xlog:class+load=info"), jar.toString(), "Hello", List.of());

        assertTrue(run(archives.apply(hello)).contains("Hello source: file:"), "the first JVM reads the class from its jar");
        String second = run(archives.apply(hello));
        assertTrue(second.contains("Hello source: shared objects file (top)"), second.lines().filter(l -> l.contains("Hello")).toList()::toString);
    }

    /** A service: started to record, asked for its archive once it runs, and its successor maps it. */
    @Test
    void aRunningServiceIsAskedForItsArchiveAndTheNextOneMapsIt() throws Exception {
        Path jar = helloJar();
        ClassArchives archives = new ClassArchives(dir.resolve("archives"));
        JvmCommand waiting = new JvmCommand(JvmCommand.currentJava(), List.of("-Xlog:class+load=info"), jar.toString(), "Hello",
                List.of("wait"));
        JvmCommand recording = archives.forService(waiting);
        assertTrue(recording.options().contains(ClassArchives.RECORD_DUMP_INFO), recording.options()::toString);

        Path log = dir.resolve("service.log");
        Process service = new ProcessBuilder(recording.argv(null)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // its main class loaded: the JVM is past its start-up and answers jcmd
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("Hello source:"));
            archives.dumpRunning(recording, service.pid());
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> last(archives.forService(waiting).options()).startsWith("-XX:SharedArchiveFile="));
        } finally {
            service.destroyForcibly().waitFor();
        }
        JvmCommand next = archives.forService(waiting);
        String output = run(new JvmCommand(next.java(), next.options(), next.classpath(), "Hello", List.of()));
        assertTrue(output.contains("Hello source: shared objects file (top)"), output.lines().filter(l -> l.contains("Hello")).toList()::toString);
    }

    private static String run(JvmCommand command) throws Exception {
        Process process = new ProcessBuilder(command.argv(null)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private Path helloJar() throws IOException {
        Path source = Files.writeString(dir.resolve("Hello.java"), "public class Hello { public static void main(String[] a) throws Exception { if (a.length > 0) { Thread.sleep(60_000); } } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), source.toString()));
        Path jar = dir.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("Hello.class"));
            entries.write(Files.readAllBytes(dir.resolve("Hello.class")));
            entries.closeEntry();
        }
        return jar;
    }

    private static byte[] headed(int magic) {
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putInt(magic).array();
    }

    private static String last(List<String> options) {
        return options.get(options.size() - 1);
    }
}
