package dev.listening.stack;

import dev.listening.stack.net.HostPort;

/** A port a service binds, what for, and which option or variable moves it. */
public record PortUse(HostPort endpoint, String role, String howToChange) {
}
