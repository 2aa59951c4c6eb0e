package dev.listening.cli.bench;

import dev.listening.contract.Env;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-command defaults that the shared option mixins take, as the commands and their --help see them. */
class BenchDefaultsTest {
    private static final Path ROOT = Path.of(System.getProperty(Env.ROOT_PROPERTY, "."));

    @Test
    void eachReportIsNamedAfterItsCommandUnlessOutIsGiven() {
        UsersBench users = new UsersBench();
        SoakBench soak = new SoakBench();
        new CommandLine(users).parseArgs();
        new CommandLine(soak).parseArgs("--out", "/r/soak-1.md");

        assertEquals(ROOT.resolve("output/bench/users.md"), users.out());
        assertEquals(Path.of("/r/soak-1.md"), soak.out());
    }

    @Test
    void helpShowsTheCommandsOwnReportFile() {
        // wide enough that no path is wrapped
        String help = new CommandLine(new QueryBench()).setUsageHelpWidth(1000).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertTrue(help.contains("Default: " + ROOT.resolve("output/bench/queries.md")), help);
    }

    @Test
    void benchAllWritesUnderOutputBenchAndRunsTheStreamerOnTwoLocalCores() {
        BenchAll all = new BenchAll();
        new CommandLine(all).parseArgs();

        assertEquals(ROOT.resolve("output/bench"), all.settings().outDir());
        assertEquals("local[2]", all.settings().master());
    }
}
