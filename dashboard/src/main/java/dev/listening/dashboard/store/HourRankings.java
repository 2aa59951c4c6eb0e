package dev.listening.dashboard.store;

import dev.listening.cql.query.ResultTable;

/** The top songs and listeners of one UTC date/hour, from the rollups. */
public record HourRankings(String date, int hour, ResultTable songs, ResultTable listeners) {
}
