package dev.listening.producer.events;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;

/** An event as it goes out: the record key (user_id), its ts (for pacing) and the contract JSON as value. */
public record WireEvent(String key, long ts, byte[] json) {
    public static WireEvent of(ListeningEvent event) {
        return new WireEvent(event.userId(), event.ts(), EventJson.toBytes(event));
    }
}
