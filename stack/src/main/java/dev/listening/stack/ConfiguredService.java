package dev.listening.stack;

import java.nio.file.Path;
import java.util.List;

/** A service whose directory, configuration and ports are those of its settings record. */
public abstract class ConfiguredService<C extends ServiceConfig> implements Service {
    private final String name;
    private final String runtime;
    private final C config;

    protected ConfiguredService(String name, String runtime, C config) {
        this.name = name;
        this.runtime = runtime;
        this.config = config;
    }

    public final C config() {
        return config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String runtime() {
        return runtime;
    }

    @Override
    public final Path dir() {
        return config.dir();
    }

    @Override
    public final Path configFile() {
        return config.configFile();
    }

    @Override
    public final String configuration() {
        return config.configuration();
    }

    @Override
    public final List<PortUse> ports() {
        return config.ports();
    }
}
