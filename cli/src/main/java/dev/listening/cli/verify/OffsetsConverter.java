package dev.listening.cli.verify;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.LinkedHashMap;
import java.util.Map;

/** "0=120,1=98": an offset per partition, as --from-offsets / --to-offsets take them. */
public final class OffsetsConverter implements ITypeConverter<Map<Integer, Long>> {
    @Override
    public Map<Integer, Long> convert(String text) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            try {
                int partition = Integer.parseInt(kv[0].trim());
                long offset = Long.parseLong(kv[1].trim());
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                offsets.put(partition, offset);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + text + "' is not partition=offset[,partition=offset...]");
            }
        }
        return offsets;
    }
}
