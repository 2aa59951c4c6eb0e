package dev.listening.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Which fault comes when, drawn from a seed: the same seed gives the same plan. The kinds of the stack's
 * {@link FaultTargets} take turns as evenly as the count allows (each kind at least {@code count / kinds}
 * times), in a shuffled order, each after a pause drawn between {@code minGap} and {@code maxGap}, and
 * each on one of its kind's services, drawn too.
 */
record FaultPlan(List<Step> steps) {
    /** What goes wrong (the service killed, none for the job), after how long a pause since the step before. */
    record Step(Fault fault, Optional<String> service, Duration pause) {
    }

    FaultPlan {
        steps = List.copyOf(steps);
    }

    static FaultPlan draw(FaultTargets targets, int count, Duration minGap, Duration maxGap, long seed) {
        List<Fault> kinds = targets.kinds();
        if (kinds.isEmpty() || count < 0 || maxGap.compareTo(minGap) < 0) {
            throw new IllegalArgumentException("no kinds, a negative count or maxGap < minGap");
        }
        Random random = new Random(seed);
        List<Fault> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(kinds.get(i % kinds.size()));
        }
        Collections.shuffle(order, random);
        long spread = maxGap.toMillis() - minGap.toMillis();
        List<Step> steps = new ArrayList<>();
        for (Fault fault : order) {
            Duration pause = minGap.plusMillis(spread == 0 ? 0 : random.nextLong(spread + 1));
            List<String> services = targets.of(fault);
            Optional<String> service = services.isEmpty() ? Optional.empty() : Optional.of(services.get(random.nextInt(services.size())));
            steps.add(new Step(fault, service, pause));
        }
        return new FaultPlan(steps);
    }

    long count(Fault fault) {
        return steps.stream().filter(s -> s.fault() == fault).count();
    }
}
