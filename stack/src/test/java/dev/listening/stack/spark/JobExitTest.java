package dev.listening.stack.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobExitTest {
    @Test
    void aCrashReportIsShownFromItsCrashedThread(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("hs_err_pid42.log"), """
                # A fatal error has been detected by the Java Runtime Environment:
                #  SIGSEGV (0xb) at pc=0x00007f444943ac48, pid=42, tid=43
                ---------------  T H R E A D  ---------------

                Current thread (0x00007f4430012345):  JavaThread "rollups" daemon [_thread_in_Java, id=43]

                Java frames: (J=compiled Java code, j=interpreted, Vv=VM code)
                J 4711 c1 dev.listening.streamer.rollup.RollupWriter.run()V
                """);

        String shown = JobExit.crashedThread(report);

        assertTrue(shown.startsWith("\nfrom " + report + ":\nCurrent thread (0x00007f4430012345):  JavaThread \"rollups\""), shown);
        assertTrue(shown.endsWith("J 4711 c1 dev.listening.streamer.rollup.RollupWriter.run()V"), shown);
    }

    @Test
    void aMissingReportIsSaidToBeMissing(@TempDir Path dir) {
        assertEquals("\n(no crash report: java.nio.file.NoSuchFileException: " + dir.resolve("hs_err_pid1.log") + ")",
                JobExit.crashedThread(dir.resolve("hs_err_pid1.log")));
    }
}
