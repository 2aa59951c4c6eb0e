package dev.listening.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a {@link ConfiguredService}: every file and port it uses follows from them, so each
 * method answers the {@link Service} method of the same name.
 */
public interface ServiceConfig {
    Path dir();

    Path configFile();

    String configuration();

    List<PortUse> ports();
}
