package dev.listening.producer.listeners;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.RandomBasedGenerator;
import dev.listening.contract.UserError;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Makes the listeners of one run: fake ones from datafaker, plus fixed ones named on the command line. */
public final class Listeners {
    /** Redraws allowed per listener before giving up on unique names (a handful are normal). */
    private static final int DRAWS_PER_NAME = 50;

    private Listeners() {
    }

    /**
     * {@code count} fake listeners with names unique among themselves and the fixed ones, then the
     * fixed listeners. The same seed gives the same listeners.
     */
    public static List<Listener> generate(int count, List<String> fixedNames, long seed) {
        Set<String> fixed = new LinkedHashSet<>(fixedNames);
        Set<String> taken = new HashSet<>(fixed);
        Random random = new Random(seed);
        RandomBasedGenerator userIds = Generators.randomBasedGenerator(random);
        Map<Market, Locality> localities = new EnumMap<>(Market.class);
        Market[] markets = Market.values();
        List<Listener> listeners = new ArrayList<>(count + fixed.size());
        long drawsLeft = (long) count * DRAWS_PER_NAME;
        while (listeners.size() < count) {
            if (drawsLeft-- == 0) {
                throw new UserError("could not draw " + count + " distinct listener names; ask for fewer --listeners");
            }
            Market market = markets[random.nextInt(markets.length)];
            Locality locality = localities.computeIfAbsent(market, m -> new Locality(m, m.faker(random)));
            String name = locality.faker.name().firstName() + " " + locality.faker.name().lastName();
            if (taken.add(name)) {
                listeners.add(profile(userIds.generate(), name, locality, random));
            }
        }
        for (String name : fixed) {
            listeners.add(fixed(name));
        }
        return List.copyOf(listeners);
    }

    /**
     * A listener known by name: user_id and profile derive from the name alone, so the same
     * {@code --user} is the same listener in every run, with or without a seed.
     */
    public static Listener fixed(String name) {
        if (name.isBlank()) {
            throw new UserError("--user needs a name");
        }
        UUID userId = Generators.nameBasedGenerator().generate(name);
        Random random = new Random(userId.getMostSignificantBits() ^ userId.getLeastSignificantBits());
        Market[] markets = Market.values();
        Market market = markets[random.nextInt(markets.length)];
        return profile(userId, name, new Locality(market, market.faker(random)), random);
    }

    private static Listener profile(UUID userId, String name, Locality locality, Random random) {
        String city = locality.cities.get(random.nextInt(locality.cities.size()));
        Device[] devices = Device.values();
        Device device = devices[random.nextInt(devices.length)];
        return new Listener(userId.toString(), name, locality.market.country(), city, device);
    }

    /** A market's faker and its city list, loaded once per run. */
    private static final class Locality {
        final Market market;
        final Faker faker;
        final List<String> cities;

        Locality(Market market, Faker faker) {
            this.market = market;
            this.faker = faker;
            this.cities = market.cities(faker);
        }
    }
}
