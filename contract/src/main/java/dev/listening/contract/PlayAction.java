package dev.listening.contract;

/** The values of an event's {@code action}: how a play ended. */
public enum PlayAction {
    /** Played to the end: played_ms is the song's duration. */
    PLAY("play"),
    /** Skipped: played_ms is less than the song's duration. */
    SKIP("skip");

    private final String jsonValue;

    PlayAction(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    public String jsonValue() {
        return jsonValue;
    }
}
