package dev.listening.cql.query;

import dev.listening.contract.CqlFile;
import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import dev.listening.contract.UserError;
import dev.listening.cql.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs query files on a session in a keyspace of the caller's choosing: the files' default keyspace
 * qualifier is swapped for it, and it is also the statement's keyspace, so a --file query with an
 * unqualified table runs there too. Values are bound to the prepared statement's variables by type,
 * never spliced into the text.
 */
public final class QueryRunner {
    private final CqlSession session;
    private final String keyspace;

    public QueryRunner(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = Schema.checkKeyspace(keyspace);
    }

    public QueryResult run(QueryRequest request) {
        QueryParameters parameters = request.picksMostRecent()
                ? QueryParameters.of(mostRecentPartition()).only(request.markers())
                : request.given();
        return new QueryResult(request, keyspace, parameters, execute(request.file().inKeyspace(keyspace), parameters));
    }

    /** The latest (date, hour) present, from a scan of every partition (see cql/queries/partitions.cql). */
    public Partition mostRecentPartition() {
        ResultTable partitions = execute(NamedQuery.PARTITIONS.load().inKeyspace(keyspace), QueryParameters.NONE);
        List<String> columns = partitions.columns();
        int name = columns.indexOf(Marker.NAME.marker());
        int date = columns.indexOf(Marker.DATE.marker());
        int hour = columns.indexOf(Marker.HOUR.marker());
        return Partition.mostRecent(partitions.rows().stream()
                        .map(r -> new Partition((String) r.get(name), (LocalDate) r.get(date), (Integer) r.get(hour)))
                        .toList())
                .orElseThrow(() -> new UserError("no plays stored in keyspace " + keyspace
                        + " yet, so no most recent user/date/hour: give " + Marker.options(List.of(Marker.values()), "and")));
    }

    ResultTable execute(CqlFile file, QueryParameters parameters) {
        try {
            PreparedStatement prepared = session.prepare(SimpleStatement.newInstance(file.cql()).setKeyspace(keyspace));
            BoundStatementBuilder bound = prepared.boundStatementBuilder();
            ColumnDefinitions variables = prepared.getVariableDefinitions();
            for (int i = 0; i < variables.size(); i++) {
                bound = bind(file, bound, i, variables.get(i), parameters);
            }
            return table(session.execute(bound.build()));
        } catch (CoordinatorException | AllNodesFailedException | DriverTimeoutException e) {
            throw new UserError(file.source() + " failed in keyspace " + keyspace + ": " + e.getMessage(), e);
        }
    }

    private static BoundStatementBuilder bind(CqlFile file, BoundStatementBuilder bound, int index,
                                              ColumnDefinition variable, QueryParameters parameters) {
        String name = variable.getName().asInternal();
        Marker marker = Marker.byName(name).orElseThrow(() -> new UserError(
                file.source() + ": unknown marker :" + name + "; a query may use " + Marker.list()));
        Object value = parameters.value(marker);
        if (value == null) {
            throw new UserError(file.source() + ": no value for :" + name + " (give " + marker.option() + ")");
        }
        @SuppressWarnings("unchecked")
        Class<Object> javaType = (Class<Object>) value.getClass();
        TypeCodec<Object> codec;
        try {
            codec = bound.codecRegistry().codecFor(variable.getType(), GenericType.of(javaType));
        } catch (CodecNotFoundException e) {
            throw new UserError(file.source() + ": :" + name + " stands for a " + variable.getType().asCql(false, true)
                    + " there, but " + marker.option() + " gives " + marker.gives(), e);
        }
        return bound.set(index, value, codec);
    }

    private static ResultTable table(ResultSet resultSet) {
        ColumnDefinitions definitions = resultSet.getColumnDefinitions();
        List<String> columns = new ArrayList<>(definitions.size());
        definitions.forEach(d -> columns.add(d.getName().asInternal()));
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : resultSet) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(row.getObject(i));
            }
            rows.add(values);
        }
        return new ResultTable(columns, rows);
    }
}
