package dev.listening.verify;

import java.time.Instant;

/**
 * What the quality check needs of a listening_history row.
 *
 * @param durationMs null for a song that was not in the catalogue
 */
public record StoredPlay(String name, Instant ts, Long durationMs) {
}
