package dev.listening.producer.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void acceptsShortFormsAndIso8601() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
        assertEquals(Duration.ofHours(2), converter.convert("2h"));
        assertEquals(Duration.ofDays(7), converter.convert("7d"));
        assertEquals(Duration.ofSeconds(90), converter.convert("PT1M30S"));
        assertEquals(Duration.ofSeconds(15), converter.convert(" 15 S "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5s", "PT-1S", "5", "five minutes", "", "99999999999999999999h"})
    void rejectsWhatIsNotAPositiveDuration(String text) {
        assertThrows(TypeConversionException.class, () -> converter.convert(text));
    }
}
