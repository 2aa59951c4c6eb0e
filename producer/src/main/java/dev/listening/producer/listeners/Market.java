package dev.listening.producer.listeners;

import net.datafaker.Faker;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A country listeners live in, with the datafaker locale whose data has real city names of that
 * country. The key names that list: datafaker files it under different keys per locale, and the
 * generic address.city of some locales only builds invented names, so each entry was checked.
 */
public enum Market {
    BRAZIL("Brazil", "pt-BR", "address.city"),
    CROATIA("Croatia", "hr", "address.city_name"),
    ESTONIA("Estonia", "et", "address.city_name"),
    FRANCE("France", "fr", "address.city_name"),
    INDIA("India", "en-IN", "address.city"),
    MEXICO("Mexico", "es-MX", "address.municipality"),
    NEW_ZEALAND("New Zealand", "en-NZ", "address.city"),
    NIGERIA("Nigeria", "en-NG", "address.cities"),
    POLAND("Poland", "pl", "address.city_name"),
    SOUTH_AFRICA("South Africa", "en-ZA", "address.cities"),
    TURKEY("Turkey", "tr", "address.city_name"),
    UKRAINE("Ukraine", "uk", "address.city_name");

    private final String country;
    private final Locale locale;
    private final String citiesKey;

    Market(String country, String languageTag, String citiesKey) {
        this.country = country;
        this.locale = Locale.forLanguageTag(languageTag);
        this.citiesKey = citiesKey;
    }

    /** The country's English name, as it appears in events. */
    public String country() {
        return country;
    }

    /** A faker for names from this country, drawing from {@code random}. */
    public Faker faker(Random random) {
        return new Faker(locale, random);
    }

    /** The real cities of this country that datafaker knows. */
    public List<String> cities(Faker faker) {
        Object cities = faker.fakeValuesService().fetchObject(citiesKey, faker.getContext());
        if (!(cities instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("datafaker has no city list " + citiesKey + " for " + locale);
        }
        return list.stream().map(String::valueOf).map(String::strip).toList();
    }
}
