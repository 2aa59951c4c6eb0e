package dev.listening.cql.query;

import dev.listening.contract.CqlFile;

/**
 * What a run of a query produced, with everything an output file states at its top.
 *
 * @param parameters the values bound: the ones given, or the most recent partition's when none was
 */
public record QueryResult(QueryRequest request, String keyspace, QueryParameters parameters, ResultTable table) {
    /** The statement as it ran: the file's, in this result's keyspace. */
    public CqlFile statement() {
        return request.file().inKeyspace(keyspace);
    }
}
