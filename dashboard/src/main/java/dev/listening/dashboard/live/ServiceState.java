package dev.listening.dashboard.live;

/**
 * Whether a service answered its last call, and a line that says what it answered or why not.
 *
 * @param up     false as well when nothing was asked yet
 * @param detail for the page, e.g. "topic listening-events, 2 partitions" or "timed out after 2 s"
 */
public record ServiceState(String service, boolean up, String detail) {
    public static ServiceState up(String service, String detail) {
        return new ServiceState(service, true, detail);
    }

    public static ServiceState down(String service, String detail) {
        return new ServiceState(service, false, detail);
    }

    /** The exception's message, or its type when it has none: what a user can act on. */
    public static ServiceState down(String service, Exception e) {
        return down(service, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
