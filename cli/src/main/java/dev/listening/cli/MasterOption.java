package dev.listening.cli;

import picocli.CommandLine.Option;

/**
 * --master: the Spark master the streamer job is submitted to. A command with another default than
 * local[*] says so where it declares the mixin ({@code @Mixin MasterOption master = new MasterOption("local[2]");});
 * the default is the field's initial value, so --help shows each command's own.
 */
public final class MasterOption {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master of the streamer, passed to SparkSubmit: local[N], spark://host:7077, ... "
                    + "Default: ${DEFAULT-VALUE}.")
    String master;

    public MasterOption() {
        this("local[*]");
    }

    public MasterOption(String master) {
        this.master = master;
    }

    public String master() {
        return master;
    }
}
