package dev.listening.producer.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstantConverterTest {
    private final InstantConverter converter = new InstantConverter();

    @Test
    void acceptsIsoInstantsWithOrWithoutSecondsAndDays() {
        assertEquals(Instant.parse("2024-03-03T00:00:00Z"), converter.convert("2024-03-03T00:00Z"));
        assertEquals(Instant.parse("2024-05-01T20:00:00Z"), converter.convert("2024-05-01T20:00:00Z"));
        assertEquals(Instant.parse("2024-05-01T18:00:00.250Z"), converter.convert("2024-05-01T20:00:00.250+02:00"));
        assertEquals(Instant.parse("2024-03-03T00:00:00Z"), converter.convert("2024-03-03"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-03-03T00:00", "2024-13-01", ""})
    void rejectsWhatIsNotAnInstant(String text) {
        assertThrows(TypeConversionException.class, () -> converter.convert(text));
    }
}
