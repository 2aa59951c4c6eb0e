package dev.listening.dashboard.live;

import dev.listening.contract.ListeningEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A play as the page lists it, with the UTC date and hour that key its listener's partition. */
public record Play(String ts, String name, String song, String artists, String date, int hour) {
    public static Play of(ListeningEvent event) {
        ZonedDateTime time = Instant.ofEpochMilli(event.ts()).atZone(ZoneOffset.UTC);
        return new Play(time.toInstant().toString(), event.name(), event.song(), event.artists(),
                time.toLocalDate().toString(), time.getHour());
    }
}
