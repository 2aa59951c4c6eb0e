package dev.listening.stack;

import java.time.Duration;
import java.util.List;

public record UpReport(List<ServiceReport> services, Bootstrap bootstrap, boolean topicCreated, Duration total) {
    public boolean wasAlreadyRunning() {
        return services.stream().allMatch(ServiceReport::alreadyRunning);
    }
}
