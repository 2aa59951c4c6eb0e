package dev.listening.producer.listeners;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenersTest {
    /** One well-known city per country, written down by hand, not taken from datafaker. */
    private static final Map<Market, String> KNOWN_CITY = new EnumMap<>(Map.ofEntries(
            Map.entry(Market.BRAZIL, "Campinas"),
            Map.entry(Market.CROATIA, "Split"),
            Map.entry(Market.ESTONIA, "Tartu"),
            Map.entry(Market.FRANCE, "Lyon"),
            Map.entry(Market.INDIA, "Pune"),
            Map.entry(Market.MEXICO, "Guadalajara"),
            Map.entry(Market.NEW_ZEALAND, "Wellington"),
            Map.entry(Market.NIGERIA, "Ibadan"),
            Map.entry(Market.POLAND, "Kraków"),
            Map.entry(Market.SOUTH_AFRICA, "Durban"),
            Map.entry(Market.TURKEY, "Ankara"),
            Map.entry(Market.UKRAINE, "Харків")));

    private final Map<Market, List<String>> cities = new EnumMap<>(Market.class);

    ListenersTest() {
        for (Market market : Market.values()) {
            cities.put(market, market.cities(market.faker(new Random(0))));
        }
    }

    @Test
    void eachCountrysCityListIsThatCountrysOwn() {
        for (Market market : Market.values()) {
            List<String> own = cities.get(market);
            assertTrue(own.contains(KNOWN_CITY.get(market)), market + " lacks " + KNOWN_CITY.get(market));
            assertTrue(own.stream().noneMatch(c -> c.contains("#{") || c.isBlank()), market + " has an expression");
            for (Market other : Market.values()) {
                if (other != market) {
                    assertFalse(own.contains(KNOWN_CITY.get(other)), market + " lists " + KNOWN_CITY.get(other));
                }
            }
        }
    }

    @Test
    void everyListenersCityBelongsToTheirCountry() {
        Map<String, Market> byCountry = Arrays.stream(Market.values())
                .collect(Collectors.toMap(Market::country, m -> m));
        List<Listener> listeners = Listeners.generate(500, List.of("Ada", "Zoë"), 7);
        for (Listener listener : listeners) {
            Market market = byCountry.get(listener.country());
            assertTrue(market != null, "unknown country " + listener.country());
            assertTrue(cities.get(market).contains(listener.city()), listener + " lives in another country");
        }
        assertTrue(listeners.stream().map(Listener::country).distinct().count() > 1, "all from one country");
    }

    @Test
    void namesAreUniqueAndUserIdsAreDistinctUuids() {
        List<Listener> listeners = Listeners.generate(2000, List.of("Ada"), 3);
        assertEquals(2001, listeners.size());
        assertEquals(2001, listeners.stream().map(Listener::name).distinct().count());
        assertEquals(2001, listeners.stream().map(l -> UUID.fromString(l.userId())).distinct().count());
    }

    @Test
    void theSameSeedGivesTheSameListenersAndAnotherSeedOthers() {
        assertEquals(Listeners.generate(50, List.of(), 42), Listeners.generate(50, List.of(), 42));
        assertNotEquals(Listeners.generate(50, List.of(), 42), Listeners.generate(50, List.of(), 43));
    }

    @Test
    void aFixedUserHasTheSameProfileWhateverTheSeed() {
        Listener ada = Listeners.generate(10, List.of("Ada Lovelace"), 1).get(10);
        assertEquals("Ada Lovelace", ada.name());
        assertEquals(ada, Listeners.generate(30, List.of("Ada Lovelace"), 99).get(30));
        assertEquals(ada, Listeners.fixed("Ada Lovelace"));
        assertNotEquals(ada.userId(), Listeners.fixed("Alan Turing").userId());
    }

    @Test
    void aFixedNameIsNeverGivenToAFakeListener() {
        List<Listener> fakes = Listeners.generate(300, List.of(), 5);
        String taken = fakes.get(0).name();
        List<Listener> withFixed = Listeners.generate(300, List.of(taken), 5);
        assertEquals(1, withFixed.stream().filter(l -> l.name().equals(taken)).count());
        assertEquals(Listeners.fixed(taken), withFixed.get(300));
    }

    @Test
    void aBlankFixedNameIsRejected() {
        assertThrows(UserError.class, () -> Listeners.generate(1, List.of(" "), 1));
    }
}
