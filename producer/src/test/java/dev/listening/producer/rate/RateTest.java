package dev.listening.producer.rate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateTest {
    private final Rate.Converter converter = new Rate.Converter();

    @Test
    void acceptsPositiveNumbersAndMax() {
        assertEquals(new Rate(1), converter.convert("1"));
        assertEquals(new Rate(2.5), converter.convert("2.5"));
        assertEquals(new Rate(0.1), converter.convert(" 0.1 "));
        assertTrue(converter.convert("max").isMax());
        assertTrue(converter.convert("MAX").isMax());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-0.5", "foo", "", "NaN", "Infinity", "1e999"})
    void rejectsWhatIsNotAPositiveRate(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(text));
        assertTrue(e.getMessage().contains("events per second"), e.getMessage());
    }

    @Test
    void intervalIsTheInverseOfTheRate() {
        assertEquals(250_000_000, new Rate(4).intervalNanos());
        assertEquals(0, Rate.MAX.intervalNanos());
    }
}
