package dev.listening.producer.events;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;

/** An event as it goes to Kafka: the record key (user_id) and the contract JSON as value. */
public record WireEvent(String key, byte[] json) {
    public static WireEvent of(ListeningEvent event) {
        return new WireEvent(event.userId(), EventJson.toBytes(event));
    }
}
