package dev.listening.cli.stack;

import dev.listening.contract.UserError;
import dev.listening.cql.Replication;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --replication as Replication, rejected while parsing options when malformed. */
public final class ReplicationConverter implements ITypeConverter<Replication> {
    @Override
    public Replication convert(String value) {
        try {
            return Replication.parse(value);
        } catch (UserError e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
