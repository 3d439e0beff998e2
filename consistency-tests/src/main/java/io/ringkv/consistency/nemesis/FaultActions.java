package io.ringkv.consistency.nemesis;

/** Injects and heals faults; {@link FaultInjector} does it on a real cluster. */
public interface FaultActions {

    /**
     * Injects {@code fault}.
     *
     * @throws IllegalStateException when it could not be injected (fully)
     */
    void inject(Fault fault);

    /**
     * Heals {@code fault}.
     *
     * @throws IllegalStateException when it could not be healed (fully)
     */
    void heal(Fault fault);
}
