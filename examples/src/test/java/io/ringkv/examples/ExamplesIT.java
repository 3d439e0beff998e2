package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.RingKvClient;
import io.ringkv.testkit.EmbeddedRingKvCluster;
import io.ringkv.time.SystemClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every example's logic against a real 3-node cluster in this JVM, so a change of the SDK or the
 * server that breaks an example breaks the build. Each test uses keys of its own.
 */
class ExamplesIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedRingKvCluster cluster;
    private static RingKvClient alice;
    private static RingKvClient bob;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedRingKvCluster.builder().nodes(3).start();
        // A generous timeout: the build machine may be busy, and these tests check outcomes, not speed.
        alice = cluster.newClient(builder -> builder.requestTimeout(REQUEST_TIMEOUT));
        bob = cluster.newClient(
                builder -> builder.requestTimeout(REQUEST_TIMEOUT).routingPolicy(new ReplicaOffsetRoutingPolicy(1)));
    }

    @AfterAll
    static void stopCluster() {
        // Closes the clients it created too.
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void quick_start_should_show_two_siblings_and_resolve_them() {
        QuickStart.Outcome outcome = QuickStart.run(alice, "it:quickstart", out);

        assertThat(outcome.firstRead()).isEqualTo("hello");
        assertThat(outcome.siblings()).containsExactly("hello from Alice", "hello from Bob");
        assertThat(outcome.resolved()).isEqualTo("hello from Alice & hello from Bob");
        assertThat(printed()).contains("2 siblings");
    }

    @Test
    void quick_start_should_supersede_what_an_earlier_run_left() {
        QuickStart.run(alice, "it:quickstart-rerun", out);

        QuickStart.Outcome second = QuickStart.run(alice, "it:quickstart-rerun", out);

        assertThat(second.firstRead()).isEqualTo("hello");
        assertThat(second.siblings()).hasSize(2);
    }

    @Test
    void quick_start_main_should_run_against_the_seeds_given_as_argument() {
        QuickStart.main(new String[] {String.join(",", cluster.seeds())});

        assertThat(alice.blocking().get(QuickStart.KEY).valueAsString()).isEqualTo("hello from Alice & hello from Bob");
    }

    @Test
    void shopping_cart_should_keep_every_add_from_both_coordinators() {
        ShoppingCart.Outcome outcome = ShoppingCart.run(alice, bob, "it:cart", 8, out);

        assertThat(outcome.aliceCoordinator()).isNotEqualTo(outcome.bobCoordinator());
        assertThat(outcome.siblingsAfterRace()).isEqualTo(2);
        assertThat(outcome.added()).hasSize(2 + 2 * 8);
        assertThat(outcome.merged().items()).containsExactlyElementsOf(outcome.added());
        assertThat(outcome.siblingsAfterSettling()).isEqualTo(1);
        assertThat(printed()).contains("every add present: true");
    }

    @Test
    void shopping_cart_should_start_from_an_empty_cart_when_run_again() {
        ShoppingCart.run(alice, bob, "it:cart-rerun", 2, out);

        ShoppingCart.Outcome second = ShoppingCart.run(alice, bob, "it:cart-rerun", 2, out);

        assertThat(second.merged().items()).containsExactlyElementsOf(second.added());
        assertThat(second.siblingsAfterRace()).isEqualTo(2);
    }

    @Test
    void tunable_consistency_should_compare_the_four_settings() {
        int rounds = 10;

        List<TunableConsistency.SettingResult> results =
                TunableConsistency.run(alice, "it:tunable", rounds, SystemClock.INSTANCE, out);

        assertThat(results)
                .extracting(result -> result.setting().name())
                .containsExactly("R=1 W=1", "R=2 W=2", "strict R=2 W=2", "linearizable");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.put().count()).isEqualTo(rounds);
            assertThat(result.get().count()).isEqualTo(rounds);
            assertThat(result.put().medianNanos()).isPositive();
        });
        // R + W > N on true replicas, and the linearizable register, promise to read the write just made.
        assertThat(results.get(2).freshReads()).isEqualTo(rounds);
        assertThat(results.get(3).freshReads()).isEqualTo(rounds);
        assertThat(printed()).contains("guarantee", "linearizable", "only true replicas count");
    }

    @AfterEach
    void echoWhatTheExamplePrinted() {
        // The example's own story, in the test log: where a failing assertion leaves off, it shows why.
        System.out.print(printed());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
