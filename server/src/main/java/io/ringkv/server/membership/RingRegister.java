package io.ringkv.server.membership;

import java.util.Arrays;
import java.util.Objects;

/**
 * The ring assignment gossip spreads, as an opaque last-writer-wins register: the server decides what the
 * payload means (partition owners, pending owners, members) and gossip only moves it around. Of two
 * registers the one with the higher {@code epoch} wins, and at equal epochs the one with the greater
 * {@code proposer} (by {@link String#compareTo}), so every node ends with the same winner whatever order
 * the proposals reach it in. A proposer that wants its change to win proposes {@code epoch + 1} of the
 * register it has seen. {@link #NONE} (epoch 0, no proposer, empty payload) is the state before any
 * assignment and loses to every real one.
 *
 * <p>Immutable: the payload is copied in and out.
 *
 * @param epoch version of the assignment, {@code >= 0}
 * @param proposer node id of the node that proposed it, {@code ""} only for {@link #NONE}
 * @param payload the encoded assignment
 */
public record RingRegister(long epoch, String proposer, byte[] payload) {

    /** The register before any assignment exists. */
    public static final RingRegister NONE = new RingRegister(0, "", new byte[0]);

    public RingRegister {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        Objects.requireNonNull(proposer, "proposer");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public boolean isNone() {
        return epoch == 0 && proposer.isEmpty() && payload.length == 0;
    }

    /** Whether this register wins over {@code other}. */
    public boolean supersedes(RingRegister other) {
        return supersedes(other.epoch, other.proposer);
    }

    /** Whether this register wins over a register with the given epoch and proposer. */
    public boolean supersedes(long otherEpoch, String otherProposer) {
        return epoch > otherEpoch || (epoch == otherEpoch && proposer.compareTo(otherProposer) > 0);
    }

    /** Whether this register has the given epoch and proposer (and so, by contract, the same payload). */
    public boolean hasVersion(long otherEpoch, String otherProposer) {
        return epoch == otherEpoch && proposer.equals(otherProposer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RingRegister that
                && epoch == that.epoch
                && proposer.equals(that.proposer)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, proposer, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "RingRegister[epoch=" + epoch + ", proposer=" + proposer + ", payload=" + payload.length + " bytes]";
    }
}
