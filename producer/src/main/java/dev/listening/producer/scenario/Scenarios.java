package dev.listening.producer.scenario;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The scenarios {@code --scenario} offers, by name. A new scenario is one class and one line here. */
public enum Scenarios {
    UNIFORM(UniformScenario::new),
    SESSIONS(SessionsScenario::new);

    private final Function<ScenarioSetup, Scenario> factory;

    Scenarios(Function<ScenarioSetup, Scenario> factory) {
        this.factory = factory;
    }

    public Scenario create(ScenarioSetup setup) {
        return factory.apply(setup);
    }

    /** The name on the command line. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }

    /** picocli: {@code --scenario sessions}. */
    public static final class Converter implements ITypeConverter<Scenarios> {
        @Override
        public Scenarios convert(String value) {
            return Arrays.stream(values()).filter(s -> s.text().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a scenario; choose one of "
                            + Arrays.stream(values()).map(Scenarios::text).collect(Collectors.joining(", "))));
        }
    }
}
