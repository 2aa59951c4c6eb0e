package dev.listening.producer.run;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * picocli: an instant as ISO-8601 with an offset, seconds optional ({@code 2024-03-03T00:00Z},
 * {@code 2024-05-01T20:00:00.250+02:00}), or a day ({@code 2024-03-03}: its start, UTC).
 */
public final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                throw new TypeConversionException("'" + value + "' is not an instant such as 2024-03-03T00:00Z "
                        + "(ISO-8601 with an offset) or a day such as 2024-03-03 (its start, UTC)");
            }
        }
    }
}
