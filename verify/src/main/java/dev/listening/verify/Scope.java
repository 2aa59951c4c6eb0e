package dev.listening.verify;

/** Which listening_history rows a verification reads and judges. */
public enum Scope {
    /**
     * The partitions the range's records point at. Rows there that no record explains are unexpected
     * only when the whole topic is read: with a range, they may be other records' rows.
     */
    RECORDS,
    /**
     * Every partition (all dates and hours) of the listeners the range's records name, found among the
     * table's partition keys. The rest of the topic is read too, so a row is unexpected only when no
     * record of the topic explains it: a stray cannot hide in an hour or a date the range does not touch.
     */
    FULL
}
