package dev.listening.producer.listeners;

import net.datafaker.Faker;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Random;

/**
 * A country listeners live in, with the datafaker locale whose data has real city names of that
 * country. The key names that list: datafaker files it under different keys per locale, and the
 * generic address.city of some locales only builds invented names, so each entry was checked.
 */
public enum Market {
    BRAZIL("Brazil", "pt-BR", "address.city", "America/Sao_Paulo"),
    CROATIA("Croatia", "hr", "address.city_name", "Europe/Zagreb"),
    ESTONIA("Estonia", "et", "address.city_name", "Europe/Tallinn"),
    FRANCE("France", "fr", "address.city_name", "Europe/Paris"),
    INDIA("India", "en-IN", "address.city", "Asia/Kolkata"),
    MEXICO("Mexico", "es-MX", "address.municipality", "America/Mexico_City"),
    NEW_ZEALAND("New Zealand", "en-NZ", "address.city", "Pacific/Auckland"),
    NIGERIA("Nigeria", "en-NG", "address.cities", "Africa/Lagos"),
    POLAND("Poland", "pl", "address.city_name", "Europe/Warsaw"),
    SOUTH_AFRICA("South Africa", "en-ZA", "address.cities", "Africa/Johannesburg"),
    TURKEY("Turkey", "tr", "address.city_name", "Europe/Istanbul"),
    UKRAINE("Ukraine", "uk", "address.city_name", "Europe/Kiev");

    private final String country;
    private final Locale locale;
    private final String citiesKey;
    private final ZoneId zone;

    Market(String country, String languageTag, String citiesKey, String zone) {
        this.country = country;
        this.locale = Locale.forLanguageTag(languageTag);
        this.citiesKey = citiesKey;
        this.zone = ZoneId.of(zone);
    }

    /** The time zone listeners of this country live in (of its capital, for countries with several). */
    public ZoneId zone() {
        return zone;
    }

    /** The market of a country name as events carry it. */
    public static Optional<Market> of(String country) {
        return Arrays.stream(values()).filter(m -> m.country.equals(country)).findFirst();
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
