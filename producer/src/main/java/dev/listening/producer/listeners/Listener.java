package dev.listening.producer.listeners;

/** A listener's stable profile: every event of one listener carries the same values. */
public record Listener(String userId, String name, String country, String city, Device device) {
}
