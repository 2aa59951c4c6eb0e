package dev.listening.cql.output;

import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.Partition;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryResult;
import dev.listening.cql.query.ResultTable;

import java.time.LocalDate;
import java.util.List;

/** Query results made by hand, as the runner would return them. */
final class Results {
    static final Partition PARTITION = new Partition("O'Connor", LocalDate.of(2024, 5, 1), 13);

    private Results() {
    }

    static QueryResult songs(ResultTable table) {
        QueryParameters parameters = QueryParameters.of(PARTITION);
        return new QueryResult(QueryRequest.named(NamedQuery.SONGS, parameters), "demo", parameters, table);
    }

    static QueryResult mostRecentSongs(ResultTable table) {
        return new QueryResult(QueryRequest.named(NamedQuery.SONGS, QueryParameters.NONE), "demo",
                QueryParameters.of(PARTITION), table);
    }

    @SafeVarargs
    static ResultTable table(List<String> columns, List<Object>... rows) {
        return new ResultTable(columns, List.of(rows));
    }
}
