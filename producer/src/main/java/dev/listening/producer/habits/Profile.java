package dev.listening.producer.habits;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.listening.producer.listeners.Listener;

/** A listener as {@code ./pipeline users} exports it: who they are, where, on what, and how they listen. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Profile(String userId, String name, String country, String city, String timeZone, String os,
                      String client, String deviceType, double danceability, double energy, double skipRate,
                      double sessionPlays, double sessionsPerDay) {

    public static Profile of(Listener listener) {
        Habits habits = Habits.of(listener);
        return new Profile(listener.userId(), listener.name(), listener.country(), listener.city(),
                habits.zone().getId(), listener.device().os(), listener.device().client(),
                listener.device().deviceType(), round(habits.danceability()), round(habits.energy()),
                round(habits.skipRate()), round(habits.sessionPlays()), round(habits.sessionsPerDay()));
    }

    /** Three decimals are all a reader needs, and keep the file small. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
