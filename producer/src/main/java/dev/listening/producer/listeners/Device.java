package dev.listening.producer.listeners;

/** What a listener plays on: operating system, client and device type that really go together. */
public enum Device {
    IPHONE("iOS", "mobile app", "smartphone"),
    ANDROID_PHONE("Android", "mobile app", "smartphone"),
    IPAD("iPadOS", "mobile app", "tablet"),
    ANDROID_TABLET("Android", "mobile app", "tablet"),
    WINDOWS_DESKTOP("Windows", "desktop app", "computer"),
    MAC_DESKTOP("macOS", "desktop app", "computer"),
    WINDOWS_BROWSER("Windows", "web player", "computer"),
    MAC_BROWSER("macOS", "web player", "computer"),
    LINUX_BROWSER("Linux", "web player", "computer"),
    ANDROID_TV("Android TV", "TV app", "smart TV"),
    APPLE_TV("tvOS", "TV app", "smart TV"),
    SMART_SPEAKER("Fire OS", "voice assistant", "smart speaker"),
    CAR("Android Automotive", "car app", "car"),
    APPLE_WATCH("watchOS", "watch app", "smartwatch"),
    WEAR_OS_WATCH("Wear OS", "watch app", "smartwatch");

    private final String os;
    private final String client;
    private final String deviceType;

    Device(String os, String client, String deviceType) {
        this.os = os;
        this.client = client;
        this.deviceType = deviceType;
    }

    public String os() {
        return os;
    }

    public String client() {
        return client;
    }

    public String deviceType() {
        return deviceType;
    }
}
