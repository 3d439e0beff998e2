package io.ringkv.consistency.workload;

import io.ringkv.client.CausalContext;
import io.ringkv.client.Consistency;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.Sibling;
import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.KeyResult;
import io.ringkv.consistency.checker.KeySplitting;
import io.ringkv.consistency.checker.LinearizabilityChecker;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.history.History;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-key registers over many keys (Jepsen's independent register): reads and writes of unique
 * integers, every value a {@code [key value]} tuple, checked for linearizability key by key.
 *
 * <p>Under LINEARIZABLE a write is one put. Under EVENTUAL and STRICT a write first reads the key for
 * its causal context and then puts with it, so the write supersedes what the read saw (a blind write
 * would only add a sibling, and siblings would pile up). A read that returns several siblings is
 * recorded as the sibling with the latest write time (ties to the larger value): that is what an
 * application using the key as a register sees after resolving, and it is what the checker judges.
 *
 * <p>Thread-safe: values come from one shared counter, so every written value is unique.
 */
public final class RegisterWorkload implements Workload {

    public static final String READ = "read";
    public static final String WRITE = "write";

    private final int keyCount;
    private final ConsistencySettings consistency;
    private final String keyPrefix;
    private final AtomicLong nextValue = new AtomicLong(1);

    /**
     * @param keyCount how many registers, 1 or more
     * @param keyPrefix prefix of the stored keys ({@code register-} gives {@code register-0}, ...)
     */
    public RegisterWorkload(int keyCount, ConsistencySettings consistency, String keyPrefix) {
        if (keyCount < 1) {
            throw new IllegalArgumentException("keyCount must be at least 1, was " + keyCount);
        }
        this.keyCount = keyCount;
        this.consistency = consistency;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Invocation next(Random random) {
        long key = random.nextInt(keyCount);
        if (random.nextBoolean()) {
            return new Invocation(READ, tuple(key, null));
        }
        return new Invocation(WRITE, tuple(key, nextValue.getAndIncrement()));
    }

    @Override
    public Completion apply(RingKvClient client, Invocation invocation) {
        List<?> tuple = (List<?>) invocation.value();
        long key = (Long) tuple.get(0);
        return invocation.f().equals(READ) ? read(client, key) : write(client, key, (Long) tuple.get(1));
    }

    @Override
    public List<Invocation> finalOperations() {
        return List.of();
    }

    @Override
    public List<String> storedKeys() {
        List<String> keys = new ArrayList<>();
        for (long key = 0; key < keyCount; key++) {
            keys.add(storedKey(key));
        }
        return keys;
    }

    @Override
    public WorkloadCheck check(History history) {
        RegisterModel model = RegisterModel.create();
        CheckResult result = new LinearizabilityChecker(model)
                .withKeySplitting(KeySplitting.PER_KEY)
                .check(history);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model.name());
        details.put("operation-count", result.operationCount());
        details.put("key-count", result.perKey().size());
        details.put("states-explored", result.statesExplored());
        details.put(
                "invalid-keys",
                result.invalidKeys().stream().map(KeyResult::key).toList());
        details.put(
                "unknown-keys",
                result.unknownKeys().stream().map(KeyResult::key).toList());
        String summary = result.isValid()
                ? "linearizable: " + result.operationCount() + " operations on "
                        + result.perKey().size() + " keys"
                : "not linearizable (" + result.valid() + "): invalid keys " + details.get("invalid-keys");
        return new WorkloadCheck(result.valid(), summary, result, details);
    }

    private Completion read(RingKvClient client, long key) {
        try {
            GetResult result = client.blocking().get(storedKey(key), consistency.readOptions());
            return Completion.ok(tuple(key, resolve(result)));
        } catch (RuntimeException failure) {
            return Outcomes.failedRead(tuple(key, null), failure);
        }
    }

    private Completion write(RingKvClient client, long key, long value) {
        List<Object> written = tuple(key, value);
        CausalContext context = CausalContext.NONE;
        if (consistency.mode() != Consistency.LINEARIZABLE) {
            try {
                context = client.blocking()
                        .get(storedKey(key), consistency.readOptions())
                        .context();
            } catch (RuntimeException failure) {
                // Nothing was written yet: the write definitely did not happen.
                return Outcomes.failedRead(written, failure);
            }
        }
        try {
            client.blocking().put(storedKey(key), Long.toString(value), context, consistency.writeOptions());
            return Completion.ok(written);
        } catch (RuntimeException failure) {
            return Outcomes.failedWrite(written, failure);
        }
    }

    /** The register's value: nil when not found, else the latest sibling. */
    static Long resolve(GetResult result) {
        if (!result.found() || result.siblings().isEmpty()) {
            return null;
        }
        Sibling latest = result.siblings().stream()
                .max(Comparator.comparingLong(Sibling::writtenAtMillis).thenComparingLong(RegisterWorkload::parse))
                .orElseThrow();
        return parse(latest);
    }

    private static long parse(Sibling sibling) {
        return Long.parseLong(new String(sibling.value(), StandardCharsets.UTF_8));
    }

    private String storedKey(long key) {
        return keyPrefix + key;
    }

    private static List<Object> tuple(long key, Long value) {
        return Arrays.asList(key, value);
    }
}
