package dev.listening.cql;

import dev.listening.contract.UserError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A keyspace's replication, written as the CLI takes it: {@code SimpleStrategy:1} (local, one node)
 * or {@code NetworkTopologyStrategy:dc1=3,dc2=3} (clusters).
 */
public record Replication(String strategy, Map<String, Integer> factors) {
    public static final String SIMPLE = "SimpleStrategy";
    public static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";
    public static final String LOCAL_DEFAULT = SIMPLE + ":1";
    private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.-]+");

    public static Replication simple(int factor) {
        return new Replication(SIMPLE, Map.of("replication_factor", factor));
    }

    /** {@code factor} replicas in {@code datacenter}, its name checked as {@link #parse} checks it. */
    public static Replication networkTopology(String datacenter, int factor) {
        return parse(NETWORK_TOPOLOGY + ":" + datacenter + "=" + factor);
    }

    public static Replication parse(String text) {
        String[] parts = text.trim().split(":", 2);
        if (parts.length != 2) {
            throw bad(text);
        }
        if (parts[0].equals(SIMPLE)) {
            return simple(factor(parts[1], text));
        }
        if (!parts[0].equals(NETWORK_TOPOLOGY)) {
            throw bad(text);
        }
        Map<String, Integer> factors = new LinkedHashMap<>();
        for (String dc : parts[1].split(",")) {
            String[] kv = dc.split("=", 2);
            if (kv.length != 2 || !DATACENTER.matcher(kv[0].trim()).matches()) {
                throw bad(text);
            }
            factors.put(kv[0].trim(), factor(kv[1], text));
        }
        return new Replication(NETWORK_TOPOLOGY, factors);
    }

    /** The CQL map literal, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}. */
    public String toCql() {
        return factors.entrySet().stream()
                .map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{'class': '" + strategy + "', ", "}"));
    }

    private static int factor(String text, String whole) {
        try {
            int factor = Integer.parseInt(text.trim());
            if (factor < 1) {
                throw bad(whole);
            }
            return factor;
        } catch (NumberFormatException e) {
            throw bad(whole);
        }
    }

    private static UserError bad(String text) {
        return new UserError("replication '" + text + "' is not SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]");
    }
}
